using Shipgate.Core;
using Shipgate.Workflows.GitHubActions;
using Shipgate.Yaml;

namespace Shipgate.Workflows.Rules;

/// <summary>GHA059: GITHUB_TOKEN or a secret handed to a third-party action referenced by a movable tag.</summary>
public sealed class TokenToUnpinnedAction : WorkflowRule<GitHubDocument>
{
    public override RuleMetadata Metadata { get; } = new(
        "GHA059", "token-to-unpinned-action", "Credentials passed to an unpinned third-party action", Category.Workflows, Severity.High, Confidence.High)
    {
        Equivalents = ["concept:GHA-TOKEN-TO-UNPINNED-ACTION"],
        Description = "Passing a token or secret to a third-party action that is referenced by a tag means whoever can move that tag receives the credential on the next run (as happened with tj-actions/changed-files).",
        Remediation = "Pin the action to a commit SHA, or avoid giving it credentials.",
        Tags = ["security", "supply-chain", "secrets"],
    };

    public override IEnumerable<AuditHit> Audit(GitHubDocument document, AuditScope scope)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(scope);
        foreach (var step in document.Steps)
        {
            if (step.Uses is not { Kind: UsesKind.Repository, IsShaPinned: false } uses || uses.Owner.ToLowerInvariant() is "actions" or "github")
            {
                continue;
            }

            foreach (var entry in (step.With?.Entries ?? []).Concat(step.Env?.Entries ?? []))
            {
                if (entry.Value is YamlScalar value && (value.Value.Contains("secrets.", StringComparison.OrdinalIgnoreCase) || value.Value.Contains("github.token", StringComparison.OrdinalIgnoreCase)))
                {
                    yield return scope.AtEntry(this, entry, $"Step '{step.DisplayName}' passes a credential ({entry.Key.Value}) to '{uses.Raw}', which is not pinned to a commit.", uses.Target + ":" + entry.Key.Value);
                }
            }
        }
    }
}
