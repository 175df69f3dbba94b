using Shipgate.Core;
using Shipgate.Workflows.GitLab;

namespace Shipgate.Workflows.Rules;

/// <summary>GLC017: artifact or registry endpoint over plain http.</summary>
public sealed class GlcPlainHttpEndpoint : WorkflowRule<GitLabPipeline>
{
    public override RuleMetadata Metadata { get; } = new(
        "GLC017", "glc-plain-http-endpoint", "Artifact or registry endpoint over plain HTTP", Category.Workflows, Severity.Medium, Confidence.High)
    {
        Equivalents = ["concept:GLC-PLAIN-HTTP"],
        Description = "Downloads, uploads and registry logins over http:// can be read and altered on the network path: packages can be swapped and credentials captured.",
        Remediation = "Use the https:// endpoint.",
        Tags = ["security", "transport", "cwe-319"],
    };

    public override IEnumerable<AuditHit> Audit(GitLabPipeline document, AuditScope scope)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(scope);
        foreach (var command in GitLabSupport.Commands(document))
        {
            foreach (var (hit, url) in Shell.ShellRisks.PlainHttp([command.Command]))
            {
                yield return new AuditScope(scope.Context, command.Job.Source).Hit(this, GitLabSupport.At(command with { Command = hit }), $"Job '{command.Job.Name}' talks to {url} over plain HTTP.", command.Job.Name + ":" + url, command.Line);
            }
        }

        foreach (var variable in GitLabSupport.Variables(document))
        {
            var value = variable.Value.Trim();
            var name = variable.Entry.Key.Value.ToUpperInvariant();
            if (value.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && Shell.ShellRisks.IsRemote(value)
                && (name.Contains("URL", StringComparison.Ordinal) || name.Contains("REGISTRY", StringComparison.Ordinal) || name.Contains("INDEX", StringComparison.Ordinal) || name.Contains("MIRROR", StringComparison.Ordinal)))
            {
                yield return scope.At(this, variable.Source, variable.Entry, $"{variable.Entry.Key.Value} points to the plain-HTTP endpoint {value}.", variable.Owner + ":" + value);
            }
        }
    }
}
