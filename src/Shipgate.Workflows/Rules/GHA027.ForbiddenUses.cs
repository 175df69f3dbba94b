using Shipgate.Core;
using Shipgate.Workflows.GitHubActions;

namespace Shipgate.Workflows.Rules;

/// <summary>GHA027: actions the configuration forbids (rule options <c>deny</c> / <c>allow</c>, patterns like <c>owner/*</c>).</summary>
public sealed class ForbiddenUses : WorkflowRule<GitHubDocument>
{
    public override RuleMetadata Metadata { get; } = new(
        "GHA027", "forbidden-uses", "Action forbidden by policy", Category.Workflows, Severity.High, Confidence.High)
    {
        Equivalents = ["zizmor:forbidden-uses"],
        Description = "Organisations keep allow or deny lists of third-party actions; this rule enforces the lists given in the configuration (option deny: patterns to reject, or option allow: the only patterns accepted). With no configuration it reports nothing.",
        Remediation = "Replace the action with an approved one, or get the pattern added to the allow list.",
        Tags = ["security", "policy"],
    };

    public override IEnumerable<AuditHit> Audit(GitHubDocument document, AuditScope scope)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(scope);
        var deny = scope.Context.ListOption(this, "deny");
        var allow = scope.Context.ListOption(this, "allow");
        if (deny.Count == 0 && allow.Count == 0)
        {
            yield break;
        }

        foreach (var (uses, scalar, _, _, _) in RuleSupport.AllUses(document))
        {
            if (uses.Kind != UsesKind.Repository)
            {
                continue;
            }

            var denied = deny.Any(p => Matches(p, uses)) || (allow.Count > 0 && !allow.Any(p => Matches(p, uses)));
            if (denied)
            {
                yield return scope.AtUses(this, scalar, scalar, $"'{uses.Raw}' is not allowed by the forbidden-uses policy.");
            }
        }
    }

    /// <summary><c>owner/*</c>, <c>owner/repo</c>, <c>owner/repo/path</c>, optionally with <c>@ref</c>.</summary>
    internal static bool Matches(string pattern, UsesReference uses)
    {
        var at = pattern.IndexOf('@', StringComparison.Ordinal);
        var reference = at < 0 ? null : pattern[(at + 1)..];
        var path = (at < 0 ? pattern : pattern[..at]).ToLowerInvariant();
        if (reference is not null && !string.Equals(reference, uses.Ref, StringComparison.Ordinal))
        {
            return false;
        }

        return path.EndsWith("/*", StringComparison.Ordinal)
            ? string.Equals(uses.Owner, path[..^2], StringComparison.OrdinalIgnoreCase)
            : path == "*" || uses.Target == path || uses.Slug == path;
    }
}
