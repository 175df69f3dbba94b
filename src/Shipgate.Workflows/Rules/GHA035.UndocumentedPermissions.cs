using Shipgate.Core;
using Shipgate.Workflows.GitHubActions;
using Shipgate.Yaml;

namespace Shipgate.Workflows.Rules;

/// <summary>GHA035: permission grants without a comment saying why they are needed (pedantic).</summary>
public sealed class UndocumentedPermissions : WorkflowRule<GitHubDocument>
{
    public override RuleMetadata Metadata { get; } = new(
        "GHA035", "undocumented-permissions", "Permission grant without an explanation", Category.Workflows, Severity.Low, Confidence.High)
    {
        Equivalents = ["zizmor:undocumented-permissions"],
        Description = "A permission that nobody can explain is never removed; a short comment on each grant (contents: write  # push the changelog) lets reviewers check that the permission is still needed.",
        Remediation = "Add a comment on the line of each granted permission explaining which step needs it.",
        Tags = ["least-privilege", "review"],
    };

    public override IEnumerable<AuditHit> Audit(GitHubDocument document, AuditScope scope)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(scope);
        if (document.Workflow is not { } workflow)
        {
            yield break;
        }

        var blocks = new List<Permissions> { workflow.Permissions };
        blocks.AddRange(workflow.Jobs.Select(j => j.Permissions));
        foreach (var block in blocks)
        {
            if (block.Kind != PermissionsKind.Explicit || block.Entry is not { } entry)
            {
                continue;
            }

            var undocumented = block.Scopes.Where(s => s.Value is YamlScalar v && v.Value != "none" && !(s.Key.Value == "contents" && v.Value == "read"))
                .Where(s => scope.Source.CommentOn(s.Key.Start.Line) is not { } comment || comment.TrimStart().StartsWith("zizmor:", StringComparison.Ordinal))
                .ToList();
            if (undocumented.Count > 0)
            {
                var names = string.Join(", ", undocumented.Select(u => u.Key.Value));
                yield return scope.Hit(this, scope.Source.Span(undocumented[0].Key.Start.Offset, undocumented[0].Key.End.Offset), $"Permissions {names} are granted without a comment explaining why.", names, feature: entry.Value, persona: Persona.Pedantic);
            }
        }
    }
}
