using Shipgate.Core;
using Shipgate.Workflows.GitHubActions;

namespace Shipgate.Workflows.Rules;

/// <summary>GHA057: a job that looks like a deployment but has no <c>environment:</c> gate.</summary>
public sealed class DeployWithoutEnvironment : WorkflowRule<GitHubDocument>
{
    private static readonly string[] DeployActions =
    [
        "aws-actions/amazon-ecs-deploy-task-definition", "aws-actions/aws-cloudformation-github-deploy", "azure/webapps-deploy",
        "azure/functions-action", "azure/k8s-deploy", "azure/container-apps-deploy-action", "google-github-actions/deploy-cloudrun",
        "google-github-actions/deploy-appengine", "google-github-actions/deploy-cloud-functions", "cloudflare/wrangler-action",
        "amondnet/vercel-action", "peaceiris/actions-gh-pages", "actions/deploy-pages", "pypa/gh-action-pypi-publish",
        "superfly/flyctl-actions", "appleboy/ssh-action", "burnett01/rsync-deployments", "helm/chart-releaser-action",
    ];

    private static readonly string[] DeployWords = ["deploy", "release", "publish", "production", "prod", "rollout"];

    public override RuleMetadata Metadata { get; } = new(
        "GHA057", "deploy-without-environment", "Deployment job without an environment gate", Category.Workflows, Severity.Medium, Confidence.Medium)
    {
        Equivalents = ["concept:GHA-DEPLOY-NO-ENVIRONMENT"],
        Description = "Environments are where GitHub enforces required reviewers, wait timers and branch restrictions and where deployment secrets should live; a deployment job without environment: skips all of them.",
        Remediation = "Add environment: production (or the right target) to the job and configure protection rules and environment secrets.",
        Tags = ["security", "deployment"],
    };

    public override IEnumerable<AuditHit> Audit(GitHubDocument document, AuditScope scope)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(scope);
        foreach (var job in document.Workflow?.Jobs ?? [])
        {
            if (job.Environment is not null || job.IsReusableCall)
            {
                continue;
            }

            var action = job.Steps.FirstOrDefault(s => s.Uses is { } u && DeployActions.Any(u.Matches));
            var named = DeployWords.Any(w => ContainsWord(job.Id, w) || (job.Name is { } n && ContainsWord(n, w)));
            if (action is not null || named)
            {
                var why = action is not null ? $"uses {action.Uses!.Slug}" : "is named like a deployment";
                yield return scope.AtJob(this, job, $"Job '{job.Id}' {why} but has no environment: to gate it.", job.Id, confidence: action is not null ? Confidence.High : Confidence.Medium);
            }
        }
    }

    private static bool ContainsWord(string text, string word)
    {
        foreach (var part in text.ToLowerInvariant().Split(['-', '_', ' ', '.', '/', ':'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == word || (part.StartsWith(word, StringComparison.Ordinal) && word.Length >= 6))
            {
                return true;
            }
        }

        return false;
    }
}
