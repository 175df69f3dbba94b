using Shipgate.Core;
using Shipgate.Workflows.GitHubActions;

namespace Shipgate.Workflows.Rules;

/// <summary>GHA036: a local <c>./</c> action or workflow reference, which resolves against the checked-out tree.</summary>
public sealed class SelfRepository : WorkflowRule<GitHubDocument>
{
    public override RuleMetadata Metadata { get; } = new(
        "GHA036", "self-repository", "Local action resolved from the working tree", Category.Workflows, Severity.Low, Confidence.High)
    {
        Equivalents = ["zizmor:self-repository"],
        Description = "uses: ./path loads the action or workflow from whatever is checked out in the workspace, so a job that checks out untrusted code can be made to run an attacker's action.",
        Remediation = "Refer to the same repository with the $/path form, which resolves against the workflow's own commit, or make sure only trusted code is checked out before the step.",
        Tags = ["security"],
    };

    public override IEnumerable<AuditHit> Audit(GitHubDocument document, AuditScope scope)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(scope);
        foreach (var (uses, scalar, owner, _, _) in RuleSupport.AllUses(document))
        {
            if (uses.Kind == UsesKind.Local)
            {
                yield return scope.AtUses(this, scalar, scalar, $"'{uses.Raw}' is loaded from the checked-out working tree rather than from this workflow's own commit.");
            }
        }
    }
}
