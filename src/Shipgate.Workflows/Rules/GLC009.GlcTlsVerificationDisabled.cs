using Shipgate.Core;
using Shipgate.Workflows.GitLab;

namespace Shipgate.Workflows.Rules;

/// <summary>GLC009: TLS or SSH verification disabled.</summary>
public sealed class GlcTlsVerificationDisabled : WorkflowRule<GitLabPipeline>
{
    public override RuleMetadata Metadata { get; } = new(
        "GLC009", "glc-tls-verification-disabled", "TLS or SSH verification disabled", Category.Workflows, Severity.High, Confidence.High)
    {
        Equivalents = ["concept:TLS-VERIFY-DISABLED"],
        Description = "curl -k, wget --no-check-certificate, StrictHostKeyChecking=no and GIT_SSL_NO_VERIFY accept any certificate or host key, so anyone on the network path can serve the job different code or capture the credentials it sends.",
        Remediation = "Keep verification on; add the private CA or the known host key to the job instead.",
        Tags = ["security", "transport", "cwe-295"],
    };

    public override IEnumerable<AuditHit> Audit(GitLabPipeline document, AuditScope scope)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(scope);
        foreach (var command in GitLabSupport.Commands(document))
        {
            foreach (var (hit, what) in Shell.ShellRisks.TlsBypasses([command.Command]))
            {
                yield return new AuditScope(scope.Context, command.Job.Source).Hit(this, GitLabSupport.At(command with { Command = hit }), $"Job '{command.Job.Name}' disables verification ({what}).", command.Job.Name + ":" + what, command.Line);
            }
        }

        foreach (var variable in GitLabSupport.Variables(document))
        {
            if (Shell.ShellRisks.IsInsecureVariable(variable.Entry.Key.Value, variable.Value))
            {
                yield return scope.At(this, variable.Source, variable.Entry, $"{variable.Entry.Key.Value}={variable.Value} in {variable.Owner} turns certificate verification off.", variable.Owner + ":" + variable.Entry.Key.Value);
            }
        }
    }
}
