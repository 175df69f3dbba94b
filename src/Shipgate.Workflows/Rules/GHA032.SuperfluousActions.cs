using Shipgate.Core;
using Shipgate.Workflows.GitHubActions;

namespace Shipgate.Workflows.Rules;

/// <summary>GHA032: third-party actions that do what a preinstalled tool (gh, git, jq) does in one line (pedantic).</summary>
public sealed class SuperfluousActions : WorkflowRule<GitHubDocument>
{
    private static readonly (string Action, string Instead)[] Replaceable =
    [
        ("softprops/action-gh-release", "gh release create"),
        ("ncipollo/release-action", "gh release create"),
        ("marvinpinto/action-automatic-releases", "gh release create"),
        ("svenstaro/upload-release-action", "gh release upload"),
        ("peter-evans/create-or-update-comment", "gh pr comment / gh issue comment"),
        ("actions-ecosystem/action-add-labels", "gh issue edit --add-label"),
        ("andstor/file-existence-action", "test -e"),
        ("dcarbone/install-jq-action", "jq (preinstalled)"),
        ("mikefarah/yq", "yq (preinstalled)"),
        ("stefanzweifel/git-auto-commit-action", "git commit && git push"),
    ];

    public override RuleMetadata Metadata { get; } = new(
        "GHA032", "superfluous-actions", "Third-party action replaceable by a preinstalled tool", Category.Workflows, Severity.Info, Confidence.Medium)
    {
        Equivalents = ["zizmor:superfluous-actions"],
        Description = "Every third-party action is code from another party that runs with the job's token; an action that wraps a one-line gh, git or jq command adds that risk for no gain.",
        Remediation = "Replace the step with a run: step using the preinstalled tool.",
        Tags = ["supply-chain"],
    };

    public override IEnumerable<AuditHit> Audit(GitHubDocument document, AuditScope scope)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(scope);
        foreach (var step in document.Steps)
        {
            if (step.Uses is not { Kind: UsesKind.Repository } uses || step.UsesScalar is not { } scalar)
            {
                continue;
            }

            foreach (var (action, instead) in Replaceable)
            {
                if (uses.Matches(action))
                {
                    yield return scope.AtUses(this, scalar, step.Node, $"'{uses.Slug}' can be replaced by '{instead}' on the runner.", persona: Persona.Pedantic);
                }
            }
        }
    }
}
