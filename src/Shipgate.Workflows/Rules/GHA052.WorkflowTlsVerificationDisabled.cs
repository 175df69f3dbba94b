using Shipgate.Core;
using Shipgate.Workflows.GitHubActions;
using Shipgate.Workflows.Shell;
using Shipgate.Yaml;

namespace Shipgate.Workflows.Rules;

/// <summary>GHA052: TLS or SSH host verification turned off in a step (curl -k, StrictHostKeyChecking=no, GIT_SSL_NO_VERIFY).</summary>
public sealed class WorkflowTlsVerificationDisabled : WorkflowRule<GitHubDocument>
{
    public override RuleMetadata Metadata { get; } = new(
        "GHA052", "workflow-tls-verification-disabled", "TLS or SSH verification disabled", Category.Workflows, Severity.High, Confidence.High)
    {
        Equivalents = ["concept:GHA-TLS-VERIFY-DISABLED", "concept:TLS-VERIFY-DISABLED"],
        Description = "curl -k, wget --no-check-certificate, StrictHostKeyChecking=no, GIT_SSL_NO_VERIFY and NODE_TLS_REJECT_UNAUTHORIZED=0 accept any certificate or host key, so anyone on the network path can serve the build different code or steal the credentials it sends.",
        Remediation = "Keep verification on; add the private CA (or the known host key) to the runner instead.",
        Tags = ["security", "transport", "cwe-295"],
    };

    public override IEnumerable<AuditHit> Audit(GitHubDocument document, AuditScope scope)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(scope);
        foreach (var (step, script, command) in RunCommands.Of(document))
        {
            _ = step;
            foreach (var (hit, what) in ShellRisks.TlsBypasses([command]))
            {
                yield return scope.Hit(this, scope.Source.Of(script, hit.Offset, hit.Words[0].Text.Length), $"The command '{string.Join(' ', hit.Words.Select(w => w.Text))}' disables verification ({what}).", what + ":" + string.Join(' ', hit.Words.Select(w => w.Text)), feature: step.Node);
            }
        }

        var envs = new List<YamlMapping?> { document.Root["env"] as YamlMapping };
        envs.AddRange(document.Workflow?.Jobs.Select(j => j.Env) ?? []);
        envs.AddRange(document.Steps.Select(s => s.Env));
        foreach (var env in envs)
        {
            foreach (var entry in env?.Entries ?? [])
            {
                if (entry.Value is YamlScalar value && ShellRisks.IsInsecureVariable(entry.Key.Value, value.Value))
                {
                    yield return scope.AtEntry(this, entry, $"{entry.Key.Value}={value.Value} turns certificate verification off for every tool in scope.", entry.Key.Value);
                }
            }
        }
    }
}
