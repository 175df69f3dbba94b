using Shipgate.Core;
using Shipgate.Workflows.GitHubActions;
using Shipgate.Yaml;

namespace Shipgate.Workflows.Rules;

/// <summary>GHA058: a production environment used by a job that pull requests can start.</summary>
public sealed class PullRequestProductionEnvironment : WorkflowRule<GitHubDocument>
{
    public override RuleMetadata Metadata { get; } = new(
        "GHA058", "pull-request-production-environment", "Production environment reachable from pull requests", Category.Workflows, Severity.High, Confidence.Medium)
    {
        Equivalents = ["concept:GHA-PR-PRODUCTION-ENV"],
        Description = "A job that references a production environment and runs on pull_request or pull_request_target events receives the environment's secrets for code that has not been reviewed or merged, unless the environment's branch policy blocks it.",
        Remediation = "Run production jobs only on push to protected branches or on release events (guard with if: github.event_name == 'push'), and restrict the environment to protected branches.",
        Tags = ["security", "deployment", "secrets"],
    };

    public override IEnumerable<AuditHit> Audit(GitHubDocument document, AuditScope scope)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(scope);
        if (document.Workflow is not { } workflow || !(workflow.HasTrigger("pull_request") || workflow.HasTrigger("pull_request_target")))
        {
            yield break;
        }

        foreach (var job in workflow.Jobs)
        {
            if (job.EnvironmentName is not { } name || !IsProduction(name) || job.Node.Entry("environment") is not { } entry)
            {
                continue;
            }

            var guarded = job.If is YamlScalar condition && (condition.Value.Contains("event_name", StringComparison.Ordinal) || condition.Value.Contains("github.ref", StringComparison.Ordinal));
            if (!guarded)
            {
                yield return scope.AtEntry(this, entry, $"Job '{job.Id}' uses the environment '{name}' and can run for pull requests.", job.Id + ":" + name);
            }
        }
    }

    private static bool IsProduction(string name)
    {
        var lower = name.ToLowerInvariant();
        return lower is "prod" or "production" or "live" or "prd" || lower.StartsWith("prod-", StringComparison.Ordinal) || lower.StartsWith("production", StringComparison.Ordinal) || lower.EndsWith("-prod", StringComparison.Ordinal);
    }
}
