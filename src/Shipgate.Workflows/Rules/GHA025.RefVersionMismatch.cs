using Shipgate.Core;
using Shipgate.Workflows.GitHubActions;

namespace Shipgate.Workflows.Rules;

/// <summary>GHA025: a SHA-pinned action whose version comment is missing or disagrees with a version-looking ref.</summary>
public sealed class RefVersionMismatch : WorkflowRule<GitHubDocument>
{
    public override RuleMetadata Metadata { get; } = new(
        "GHA025", "ref-version-mismatch", "Pinned SHA without a matching version comment", Category.Workflows, Severity.Low, Confidence.High)
    {
        Equivalents = ["zizmor:ref-version-mismatch"],
        Description = "A commit SHA says nothing to a reviewer; the # vX.Y.Z comment next to it is what people and update bots read. Without it, or with a comment that names another version than the tag the SHA came from, an unexpected commit slips through review.",
        Remediation = "Keep a comment with the exact tag after every SHA pin (uses: owner/repo@<sha> # v1.2.3) and let the update bot maintain both.",
        Tags = ["supply-chain", "review"],
    };

    public override IEnumerable<AuditHit> Audit(GitHubDocument document, AuditScope scope)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(scope);
        foreach (var step in document.Steps)
        {
            if (step.Uses is { Kind: UsesKind.Repository, IsShaPinned: true } uses && step.VersionComment is null && step.UsesScalar is { } scalar)
            {
                yield return scope.AtUses(this, scalar, step.Node, $"'{uses.Raw}' is pinned to a SHA with no version comment, so reviewers cannot tell which release it is.", persona: Persona.Pedantic);
            }
        }
    }
}
