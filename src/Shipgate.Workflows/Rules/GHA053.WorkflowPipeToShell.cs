using Shipgate.Core;
using Shipgate.Workflows.GitHubActions;
using Shipgate.Workflows.Shell;

namespace Shipgate.Workflows.Rules;

/// <summary>GHA053: a script downloaded and executed in one go (curl … | bash).</summary>
public sealed class WorkflowPipeToShell : WorkflowRule<GitHubDocument>
{
    public override RuleMetadata Metadata { get; } = new(
        "GHA053", "workflow-pipe-to-shell", "Downloaded script piped into an interpreter", Category.Workflows, Severity.Medium, Confidence.High)
    {
        Equivalents = ["concept:ST-PIPE-TO-SHELL"],
        Description = "curl URL | bash runs whatever the server returns at that moment, with no version, checksum or signature, and with the job's token and secrets in reach.",
        Remediation = "Download a pinned release, verify its checksum or signature, then run it; or use a pinned setup action.",
        Tags = ["security", "supply-chain", "cwe-494"],
    };

    public override IEnumerable<AuditHit> Audit(GitHubDocument document, AuditScope scope)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(scope);
        foreach (var step in document.Steps)
        {
            if (step.Run is not { } run)
            {
                continue;
            }

            var commands = ShellScript.Commands(run.Value, ShellScript.IsPowerShell(step.Shell));
            foreach (var (command, what) in ShellRisks.PipeToShell(commands))
            {
                yield return scope.Hit(this, scope.Source.Of(run, command.Offset, command.Words[0].Text.Length), $"Step '{step.DisplayName}' runs a downloaded script unverified ({what}).", what + ":" + string.Join(' ', command.Words.Select(w => w.Text)), feature: step.Node);
            }
        }
    }
}
