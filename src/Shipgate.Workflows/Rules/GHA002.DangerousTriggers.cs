using Shipgate.Core;
using Shipgate.Workflows.GitHubActions;

namespace Shipgate.Workflows.Rules;

/// <summary>GHA002: pull_request_target or workflow_run, which run with secrets in the base repository's context.</summary>
public sealed class DangerousTriggers : WorkflowRule<GitHubDocument>
{
    public override RuleMetadata Metadata { get; } = new(
        "GHA002", "dangerous-triggers", "Workflow uses a privileged trigger", Category.Workflows, Severity.High, Confidence.Medium)
    {
        Equivalents = ["zizmor:dangerous-triggers"],
        Description = "pull_request_target and workflow_run run with the base repository's secrets and a write token while being started by outside contributors; almost every use of them has been exploitable at some point.",
        Remediation = "Use pull_request (no secrets for forks) where possible; otherwise never check out or run the pull request's code, and keep permissions minimal.",
        Tags = ["security"],
    };

    public override IEnumerable<AuditHit> Audit(GitHubDocument document, AuditScope scope)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(scope);
        if (document.Workflow is not { OnEntry: { } on } workflow)
        {
            yield break;
        }

        var labelerOnly = workflow.Jobs.Count > 0 && workflow.Jobs.All(j => j.Steps.Count > 0 && j.Steps.All(s => s.Uses?.Matches("actions/labeler") == true));
        foreach (var trigger in workflow.Triggers)
        {
            if (trigger.Event == "pull_request_target" && !labelerOnly)
            {
                yield return scope.AtEntry(this, on, "The workflow is triggered by pull_request_target, which runs with secrets and a write token for pull requests from forks.", "pull_request_target");
            }
            else if (trigger.Event == "workflow_run")
            {
                yield return scope.AtEntry(this, on, "The workflow is triggered by workflow_run, which runs with secrets after workflows that untrusted pull requests can start.", "workflow_run");
            }
        }
    }
}
