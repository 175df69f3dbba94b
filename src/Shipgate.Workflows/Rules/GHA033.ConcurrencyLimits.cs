using Shipgate.Core;
using Shipgate.Workflows.GitHubActions;
using Shipgate.Yaml;

namespace Shipgate.Workflows.Rules;

/// <summary>GHA033: workflows that let runs pile up (no concurrency group, or no cancel-in-progress) (pedantic).</summary>
public sealed class ConcurrencyLimits : WorkflowRule<GitHubDocument>
{
    public override RuleMetadata Metadata { get; } = new(
        "GHA033", "concurrency-limits", "Workflow runs without a concurrency limit", Category.Workflows, Severity.Low, Confidence.High)
    {
        Equivalents = ["zizmor:concurrency-limits"],
        Description = "Without a concurrency group every push starts another run; stale runs keep consuming runner time and can race each other on deployments or caches.",
        Remediation = "Add concurrency: { group: ${{ github.workflow }}-${{ github.ref }}, cancel-in-progress: true } at the workflow level.",
        Tags = ["robustness"],
    };

    public override IEnumerable<AuditHit> Audit(GitHubDocument document, AuditScope scope)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(scope);
        if (document.Workflow is not { } workflow || (workflow.HasTrigger("workflow_call") && workflow.Triggers.Count == 1))
        {
            yield break;
        }

        switch (workflow.Root.Entry("concurrency"))
        {
            case null when workflow.Jobs.Any(j => j.Node["concurrency"] is null):
                var at = workflow.OnEntry ?? workflow.Root.Entries[0];
                yield return scope.AtEntry(this, at, "The workflow sets no concurrency group, so overlapping runs are never cancelled.", "no-concurrency", persona: Persona.Pedantic);
                break;
            case { Value: YamlMapping map } entry when map["cancel-in-progress"] is null:
                yield return scope.AtEntry(this, entry, "The concurrency group does not set cancel-in-progress, so stale runs keep going.", "no-cancel", persona: Persona.Pedantic);
                break;
            case { Value: YamlScalar } entry:
                yield return scope.AtEntry(this, entry, "The concurrency group does not set cancel-in-progress, so stale runs keep going.", "no-cancel", persona: Persona.Pedantic);
                break;
        }
    }
}
