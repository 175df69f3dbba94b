using Shipgate.Core;
using Shipgate.Workflows.GitLab;

namespace Shipgate.Workflows.Rules;

/// <summary>GLC008: downloaded script piped into an interpreter.</summary>
public sealed class GlcPipeToShell : WorkflowRule<GitLabPipeline>
{
    public override RuleMetadata Metadata { get; } = new(
        "GLC008", "glc-pipe-to-shell", "Downloaded script piped into an interpreter", Category.Workflows, Severity.Medium, Confidence.High)
    {
        Equivalents = ["concept:ST-PIPE-TO-SHELL"],
        Description = "curl URL | sh in a job runs whatever the server returns at that moment, with no version, checksum or signature, and with the job's token and variables in reach.",
        Remediation = "Download a pinned release, verify its checksum or signature, then run it.",
        Tags = ["security", "supply-chain", "cwe-494"],
    };

    public override IEnumerable<AuditHit> Audit(GitLabPipeline document, AuditScope scope)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(scope);
        foreach (var job in document.Jobs)
        {
            foreach (var line in job.ScriptLines())
            {
                var commands = Shell.ShellScript.Commands(line.Value);
                foreach (var (command, what) in Shell.ShellRisks.PipeToShell(commands))
                {
                    var hit = new GitLabCommand(job, line, command);
                    yield return new AuditScope(scope.Context, job.Source).Hit(this, GitLabSupport.At(hit), $"Job '{job.Name}' runs a downloaded script unverified ({what}).", job.Name + ":" + what, line);
                }
            }
        }
    }
}
