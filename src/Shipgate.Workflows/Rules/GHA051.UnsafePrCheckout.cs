using Shipgate.Core;
using Shipgate.Workflows.GitHubActions;
using Shipgate.Yaml;

namespace Shipgate.Workflows.Rules;

/// <summary>GHA051: a checkout step that explicitly opts out of the pull request safety check.</summary>
public sealed class UnsafePrCheckout : WorkflowRule<GitHubDocument>
{
    public override RuleMetadata Metadata { get; } = new(
        "GHA051", "unsafe-pr-checkout", "Checkout opts in to unsafe pull request checkout", Category.Workflows, Severity.High, Confidence.High)
    {
        Equivalents = ["concept:GHA-UNSAFE-PR-CHECKOUT"],
        Description = "allow-unsafe-pr-checkout: true tells the checkout step to fetch fork code even in a privileged context; it exists only to silence the protection against pwn requests.",
        Remediation = "Remove the option and restructure the workflow so untrusted code runs under pull_request only.",
        Tags = ["security"],
    };

    public override IEnumerable<AuditHit> Audit(GitHubDocument document, AuditScope scope)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(scope);
        foreach (var step in document.Steps)
        {
            if (step.With?.Entry("allow-unsafe-pr-checkout") is { Value: YamlScalar value } entry && !value.Value.Trim().Equals("false", StringComparison.OrdinalIgnoreCase))
            {
                yield return scope.AtEntry(this, entry, $"Step '{step.DisplayName}' sets allow-unsafe-pr-checkout, which disables the protection against checking out fork code with privileges.", "allow-unsafe-pr-checkout:" + step.DisplayName);
            }
        }
    }
}
