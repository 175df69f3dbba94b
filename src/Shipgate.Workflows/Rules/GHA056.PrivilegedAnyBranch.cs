using Shipgate.Core;
using Shipgate.Workflows.GitHubActions;
using Shipgate.Yaml;

namespace Shipgate.Workflows.Rules;

/// <summary>GHA056: a workflow with secrets or write permissions that runs on a push to any branch.</summary>
public sealed class PrivilegedAnyBranch : WorkflowRule<GitHubDocument>
{
    public override RuleMetadata Metadata { get; } = new(
        "GHA056", "privileged-any-branch", "Privileged workflow runs on every branch", Category.Workflows, Severity.Medium, Confidence.Medium)
    {
        Equivalents = ["concept:GHA-PRIVILEGED-ANY-BRANCH"],
        Description = "A push trigger without a branch filter runs on every branch anyone with write access creates, including unreviewed ones; if the workflow uses secrets or write permissions, any branch can modify the workflow and exfiltrate them without review.",
        Remediation = "Restrict push to protected branches (branches: [main]) or tags, and move secrets into environments with branch protection rules.",
        Tags = ["security", "secrets"],
    };

    public override IEnumerable<AuditHit> Audit(GitHubDocument document, AuditScope scope)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(scope);
        if (document.Workflow is not { OnEntry: { } on } workflow || workflow.TriggerNamed("push") is not { } push)
        {
            yield break;
        }

        var filtered = push.Config is YamlMapping config
            && (config["branches"] is YamlSequence { Count: > 0 } branches && !branches.Items.OfType<YamlScalar>().Any(b => b.Value is "**" or "*")
                || config.ContainsKey("tags") && !config.ContainsKey("branches") || config.ContainsKey("branches-ignore"));
        if (filtered)
        {
            yield break;
        }

        var usesSecrets = MatrixValues.HasExpression(workflow.Root) && scope.Source.Text.Contains("secrets.", StringComparison.Ordinal)
            && !workflow.Jobs.All(j => j.Environment is not null);
        var writes = workflow.Permissions.GrantsWrite || workflow.Jobs.Any(j => j.Permissions.GrantsWrite);
        if (usesSecrets || writes)
        {
            yield return scope.AtEntry(this, on, $"The workflow {(usesSecrets ? "uses secrets" : "grants write permissions")} and runs on a push to any branch.", usesSecrets ? "secrets" : "write");
        }
    }
}
