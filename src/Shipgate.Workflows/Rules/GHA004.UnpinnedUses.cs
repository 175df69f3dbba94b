using Shipgate.Core;
using Shipgate.Workflows.GitHubActions;

namespace Shipgate.Workflows.Rules;

/// <summary>GHA004: an action or reusable workflow referenced by a movable ref instead of a commit SHA.</summary>
public sealed class UnpinnedUses : WorkflowRule<GitHubDocument>
{
    public override RuleMetadata Metadata { get; } = new(
        "GHA004", "unpinned-uses", "Action not pinned to a commit SHA", Category.Workflows, Severity.High, Confidence.High)
    {
        Equivalents = ["zizmor:unpinned-uses"],
        Description = "A uses: reference by tag or branch runs whatever the ref points to at run time; if the action's repository is compromised, the tag can be moved to malicious code.",
        Remediation = "Pin to a full 40-character commit SHA and keep the version in a comment (uses: actions/checkout@<sha> # v4.2.2). Owners you trust with tags can be listed in the rule option allow-ref-pin. `shipgate fix` pins every reported uses: with git ls-remote and records the commits in .shipgate/actions.lock (commit it; later runs and `shipgate fix --offline` use it).",
        Tags = ["security", "supply-chain", "cwe-829"],
    };

    public override IEnumerable<AuditHit> Audit(GitHubDocument document, AuditScope scope)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(scope);
        var allowed = scope.Context.ListOption(this, "allow-ref-pin");
        foreach (var (uses, scalar, _, _, _) in RuleSupport.AllUses(document))
        {
            switch (uses.Kind)
            {
                case UsesKind.Repository when !uses.IsShaPinned:
                    if (uses.Ref is not null && allowed.Any(uses.Matches))
                    {
                        continue;
                    }

                    yield return scope.AtUses(
                        this,
                        scalar,
                        scalar,
                        uses.Ref is null
                            ? $"'{uses.Raw}' has no ref at all, so it runs whatever the default branch holds."
                            : $"'{uses.Raw}' is pinned to the movable ref '{uses.Ref}', not to a commit SHA.");
                    break;
                case UsesKind.Docker when uses.Image is { } image && !image.Contains("@sha256:", StringComparison.OrdinalIgnoreCase):
                    var tagless = ImageReference.TagOf(image) is null or "latest";
                    yield return scope.AtUses(
                        this,
                        scalar,
                        scalar,
                        $"Docker action '{uses.Raw}' is not pinned to an image digest.",
                        severity: tagless ? Severity.High : Severity.Medium,
                        persona: tagless ? Persona.Regular : Persona.Pedantic);
                    break;
            }
        }
    }
}
