using Shipgate.Core;
using Shipgate.Workflows.Expressions;
using Shipgate.Workflows.GitHubActions;
using Shipgate.Yaml;

namespace Shipgate.Workflows.Rules;

/// <summary>GHA006: a release or publishing job restores a cache that less trusted workflows can write.</summary>
public sealed class CachePoisoning : WorkflowRule<GitHubDocument>
{
    public override RuleMetadata Metadata { get; } = new(
        "GHA006", "cache-poisoning", "Publishing job restores a shared cache", Category.Workflows, Severity.High, Confidence.Low)
    {
        Equivalents = ["zizmor:cache-poisoning"],
        Description = "The GitHub Actions cache is shared between workflows of a repository; a pull request or any compromised job can plant an entry that a release job then restores, so the published artifact is built from poisoned dependencies.",
        Remediation = "Turn caching off in jobs that build or publish release artifacts (for example lookup-only: true, cache: '' or enable-cache: false).",
        Tags = ["security", "supply-chain"],
    };

    private enum ReleaseTrigger
    {
        TagPush,
        ReleaseBranchPush,
        ReleaseEvent,
    }

    public override IEnumerable<AuditHit> Audit(GitHubDocument document, AuditScope scope)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(scope);
        if (document.Workflow is not { } workflow)
        {
            yield break;
        }

        var triggers = ReleaseTriggers(workflow);
        foreach (var job in workflow.Jobs)
        {
            var publisher = triggers.Count > 0 ? null : job.Steps.FirstOrDefault(CacheControls.IsPublisher);
            if (triggers.Count == 0 && publisher is null)
            {
                continue;
            }

            foreach (var step in job.Steps)
            {
                if (CacheControls.UseOf(step) is not { } use || use.Use == CacheUse.None)
                {
                    continue;
                }

                if (use.Use == CacheUse.Conditional && triggers.Count > 0 && triggers.All(t => t is ReleaseTrigger.TagPush or ReleaseTrigger.ReleaseEvent)
                    && CacheControls.ControlInput(step) is { } control && TemplateExpression.AsWhole(control.Value) is { Parsed: { } parsed }
                    && CacheControls.EvaluateForTagPush(parsed) is { } value && value == CacheControls.IsOptOut(step))
                {
                    continue;
                }

                if (step.Node.Entry("uses") is not { } usesEntry)
                {
                    continue;
                }

                var why = publisher is null ? "the workflow runs on release triggers" : $"step '{publisher.DisplayName}' publishes artifacts";
                yield return scope.Hit(
                    this,
                    scope.Source.Span(usesEntry.Key.Start.Offset, usesEntry.Value.End.Offset),
                    $"Step '{step.DisplayName}' ({step.Uses!.Raw}) restores from the shared cache in job '{job.Id}', and {why}.",
                    job.Id + ":" + step.Uses.Target,
                    feature: step.Node);
            }
        }
    }

    private static List<ReleaseTrigger> ReleaseTriggers(Workflow workflow)
    {
        var found = new List<ReleaseTrigger>();
        foreach (var trigger in workflow.Triggers)
        {
            if (trigger.Event == "release")
            {
                found.Add(ReleaseTrigger.ReleaseEvent);
            }
            else if (trigger.Event == "push" && trigger.Config is YamlMapping push)
            {
                if (push.ContainsKey("tags"))
                {
                    found.Add(ReleaseTrigger.TagPush);
                }

                if (push["branches"] is YamlSequence branches && branches.Items.OfType<YamlScalar>().Any(b => b.Value.Contains("release", StringComparison.OrdinalIgnoreCase)))
                {
                    found.Add(ReleaseTrigger.ReleaseBranchPush);
                }
            }
        }

        return found;
    }
}
