using Shipgate.Core;
using Shipgate.Workflows.GitHubActions;
using Shipgate.Yaml;

namespace Shipgate.Workflows.Rules;

/// <summary>GHA028: Dependabot allowed to run code from the ecosystem during updates.</summary>
public sealed class DependabotExecution : WorkflowRule<GitHubDocument>
{
    public override RuleMetadata Metadata { get; } = new(
        "GHA028", "dependabot-execution", "Dependabot may execute external code", Category.Workflows, Severity.High, Confidence.High)
    {
        Equivalents = ["zizmor:dependabot-execution"],
        Description = "insecure-external-code-execution: allow lets package manager scripts from dependencies run while Dependabot resolves updates, with access to the registry credentials configured for it.",
        Remediation = "Remove the option (the default is deny) or set it to deny.",
        Tags = ["security", "supply-chain"],
    };

    public override IEnumerable<AuditHit> Audit(GitHubDocument document, AuditScope scope)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(scope);
        if (document.Kind != GitHubDocumentKind.Dependabot || document.Root["updates"] is not YamlSequence updates)
        {
            yield break;
        }

        foreach (var update in updates.Items.OfType<YamlMapping>())
        {
            if (update.Entry("insecure-external-code-execution") is { Value: YamlScalar { Value: "allow" } } entry)
            {
                yield return scope.AtEntry(this, entry, $"Dependabot updates for '{update.ScalarValue("package-ecosystem")}' allow external code execution.", "execution:" + update.ScalarValue("package-ecosystem") + ":" + update.ScalarValue("directory"));
            }
        }
    }
}
