using Shipgate.Core;
using Shipgate.Workflows.GitHubActions;

namespace Shipgate.Workflows.Rules;

/// <summary>GHA034: workflows and jobs without a <c>name:</c>, which makes logs and checks hard to attribute (pedantic).</summary>
public sealed class AnonymousDefinition : WorkflowRule<GitHubDocument>
{
    public override RuleMetadata Metadata { get; } = new(
        "GHA034", "anonymous-definition", "Workflow or job without a name", Category.Workflows, Severity.Low, Confidence.High)
    {
        Equivalents = ["zizmor:anonymous-definition"],
        Description = "Without name: the UI and required status checks show file paths and job ids, which makes it easy to confuse a run of one workflow with another during review or incident response.",
        Remediation = "Give the workflow and each job a descriptive name:.",
        Tags = ["review"],
    };

    public override IEnumerable<AuditHit> Audit(GitHubDocument document, AuditScope scope)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(scope);
        if (document.Workflow is not { } workflow)
        {
            yield break;
        }

        if (workflow.Name is null)
        {
            var first = workflow.Root.Entries.Count > 0 ? workflow.Root.Entries[0] : null;
            if (first is not null)
            {
                yield return scope.Hit(this, scope.Source.Span(first.Key.Start.Offset, first.Key.End.Offset), "The workflow has no name:.", "workflow", feature: workflow.Root, persona: Persona.Pedantic);
            }
        }

        foreach (var job in workflow.Jobs)
        {
            if (job.Name is null && !job.IsReusableCall)
            {
                yield return scope.Hit(this, scope.Source.Span(job.KeyEntry.Key.Start.Offset, job.KeyEntry.Key.End.Offset), $"Job '{job.Id}' has no name:.", "job:" + job.Id, feature: job.KeyEntry.Key, severity: Severity.Info, persona: Persona.Pedantic);
            }
        }
    }
}
