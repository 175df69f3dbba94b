using Shipgate.Core;
using Shipgate.Workflows.GitHubActions;
using Shipgate.Workflows.Shell;
using Shipgate.Yaml;

namespace Shipgate.Workflows.Rules;

/// <summary>GHA060: artifacts, packages or registries reached over plain http://.</summary>
public sealed class WorkflowPlainHttpEndpoint : WorkflowRule<GitHubDocument>
{
    private static readonly string[] UrlKeys = ["url", "registry", "endpoint", "server", "repository", "index", "host", "mirror"];

    public override RuleMetadata Metadata { get; } = new(
        "GHA060", "workflow-plain-http-endpoint", "Artifact or registry endpoint over plain HTTP", Category.Workflows, Severity.Medium, Confidence.High)
    {
        Equivalents = ["concept:GHA-PLAIN-HTTP"],
        Description = "Downloads, uploads and registry logins over http:// can be read and altered by anyone on the network path: packages can be swapped and credentials captured.",
        Remediation = "Use the https:// endpoint.",
        Tags = ["security", "transport", "cwe-319"],
    };

    public override IEnumerable<AuditHit> Audit(GitHubDocument document, AuditScope scope)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(scope);
        foreach (var (step, script, command) in RunCommands.Of(document))
        {
            foreach (var (hit, url) in ShellRisks.PlainHttp([command]))
            {
                yield return scope.Hit(this, scope.Source.Of(script, hit.Offset, hit.Words[0].Text.Length), $"Step '{step.DisplayName}' talks to {url} over plain HTTP.", url, feature: step.Node);
            }
        }

        foreach (var step in document.Steps)
        {
            foreach (var entry in step.With?.Entries ?? [])
            {
                if (entry.Value is YamlScalar value && value.Value.Trim().StartsWith("http://", StringComparison.OrdinalIgnoreCase)
                    && UrlKeys.Any(k => entry.Key.Value.Contains(k, StringComparison.OrdinalIgnoreCase)) && ShellRisks.IsRemote(value.Value.Trim()))
                {
                    yield return scope.AtEntry(this, entry, $"Step '{step.DisplayName}' sets {entry.Key.Value} to the plain-HTTP endpoint {value.Value.Trim()}.", value.Value.Trim());
                }
            }
        }
    }
}
