using Shipgate.Core;
using Shipgate.Workflows.GitHubActions;
using Shipgate.Yaml;

namespace Shipgate.Workflows.Rules;

/// <summary>GHA037: pre-commit hook repositories fetched over plain http:// or git://.</summary>
public sealed class InsecureUrlScheme : WorkflowRule<GitHubDocument>
{
    public override RuleMetadata Metadata { get; } = new(
        "GHA037", "insecure-url-scheme", "Code fetched over an unauthenticated URL scheme", Category.Workflows, Severity.High, Confidence.High)
    {
        Equivalents = ["zizmor:insecure-url-scheme"],
        Description = "http:// and git:// have no integrity or server authentication, so anyone on the network path can substitute the hook code that then runs on developer machines and in CI.",
        Remediation = "Use the https:// URL of the repository.",
        Tags = ["security", "transport"],
    };

    public override IEnumerable<AuditHit> Audit(GitHubDocument document, AuditScope scope)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(scope);
        if (document.Kind != GitHubDocumentKind.PreCommit || document.Root["repos"] is not YamlSequence repos)
        {
            yield break;
        }

        foreach (var repo in repos.Items.OfType<YamlMapping>())
        {
            if (repo["repo"] is YamlScalar url && (url.Value.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.Value.StartsWith("git://", StringComparison.OrdinalIgnoreCase)))
            {
                yield return scope.AtUses(this, url, url, $"Hook repository '{url.Value}' is fetched without TLS; use https://.");
            }
        }
    }
}
