using Shipgate.Core;
using Shipgate.Workflows.GitLab;

namespace Shipgate.Workflows.Rules;

/// <summary>GLC012: CI_JOB_TOKEN sent to a host outside GitLab.</summary>
public sealed class JobTokenThirdParty : WorkflowRule<GitLabPipeline>
{
    public override RuleMetadata Metadata { get; } = new(
        "GLC012", "job-token-third-party", "CI_JOB_TOKEN sent to a host outside GitLab", Category.Workflows, Severity.High, Confidence.Medium)
    {
        Equivalents = ["concept:GLC-JOB-TOKEN-EXFIL", "checkov:CKV_GITLABCI_1"],
        Description = "CI_JOB_TOKEN can read and write project resources (packages, registry, repositories the project can reach) for the length of the job; sending it to any other host hands those rights to that host's owner.",
        Remediation = "Send CI_JOB_TOKEN only to $CI_SERVER_URL / $CI_API_V4_URL / $CI_REGISTRY; use a dedicated, narrowly scoped secret for third-party services.",
        Tags = ["security", "secrets"],
    };

    public override IEnumerable<AuditHit> Audit(GitLabPipeline document, AuditScope scope)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(scope);
        foreach (var command in GitLabSupport.Commands(document))
        {
            var words = command.Command.Words.Select(w => w.Text).ToList();
            if (words[0] is not ("curl" or "wget" or "http" or "git" or "docker" or "npm" or "pip" or "helm") || !words.Any(w => w.Contains("CI_JOB_TOKEN", StringComparison.Ordinal)))
            {
                continue;
            }

            var urls = words.Where(w => w.Contains("://", StringComparison.Ordinal)).ToList();
            var external = urls.Any(u => !u.Contains("$CI_", StringComparison.Ordinal) && !u.Contains("${CI_", StringComparison.Ordinal) && !u.Contains("gitlab", StringComparison.OrdinalIgnoreCase));
            if (external)
            {
                yield return new AuditScope(scope.Context, command.Job.Source).Hit(this, GitLabSupport.At(command), $"Job '{command.Job.Name}' sends CI_JOB_TOKEN to '{urls.First()}', a host outside this GitLab instance.", command.Job.Name + ":" + urls.First(), command.Line);
            }
        }
    }
}
