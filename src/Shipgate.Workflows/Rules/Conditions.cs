using Shipgate.Core;
using Shipgate.Workflows.Expressions;
using Shipgate.Workflows.GitHubActions;
using Shipgate.Workflows.Yaml;
using Shipgate.Yaml;

namespace Shipgate.Workflows.Rules;

/// <summary>An <c>if:</c> condition: its scalar, the expression text and where that text starts in the value.</summary>
internal sealed record Condition(YamlEntry Entry, YamlScalar Scalar, string Body, int BodyOffset, Expr? Parsed)
{
    /// <summary>Offset of the first non-space character of the expression in the scalar's value.</summary>
    public int ExpressionOffset => BodyOffset + (Body.Length - Body.TrimStart().Length);
}

/// <summary>Shared helpers for GitHub rules: conditions, locations of steps and jobs.</summary>
internal static class RuleSupport
{
    /// <summary>The <c>if:</c> of a mapping as one expression (a bare condition or one whole <c>${{ }}</c>).</summary>
    public static Condition? ConditionOf(YamlMapping owner)
    {
        if (owner.Entry("if") is not { Value: YamlScalar scalar } entry || scalar.Style != ScalarStyle.Plain && scalar.Style != ScalarStyle.SingleQuoted && scalar.Style != ScalarStyle.DoubleQuoted)
        {
            return null;
        }

        if (scalar.AsBoolean is not null)
        {
            return null;
        }

        var value = scalar.Value;
        if (TemplateExpression.AsWhole(value) is { } whole)
        {
            return new Condition(entry, scalar, whole.Body, whole.BodyStart, whole.Parsed);
        }

        if (value.Contains("${{", StringComparison.Ordinal))
        {
            return null;
        }

        return new Condition(entry, scalar, value, 0, ExpressionParser.TryParse(value));
    }

    /// <summary>Every <c>if:</c> of jobs and steps in the document with the mapping that owns it.</summary>
    public static IEnumerable<(YamlMapping Owner, Job? Job, JobStep? Step)> ConditionOwners(GitHubDocument document)
    {
        if (document.Workflow is { } workflow)
        {
            foreach (var job in workflow.Jobs)
            {
                yield return (job.Node, job, null);
                foreach (var step in job.Steps)
                {
                    yield return (step.Node, job, step);
                }
            }
        }
        else if (document.Action is { } action)
        {
            foreach (var step in action.Steps)
            {
                yield return (step.Node, null, step);
            }
        }
    }

    /// <summary>Where a step is written (its list item, or the alias that stands for it).</summary>
    public static Location StepLocation(SourceText source, JobStep step) =>
        step.Start.Offset == step.Node.Start.Offset ? source.Of(step.Node) : source.Span(step.Start.Offset, step.Start.Offset + 1);

    /// <summary>A hit on a step as a whole.</summary>
    public static AuditHit AtStep(this AuditScope scope, IRule rule, JobStep step, string message, string material, Severity? severity = null, Confidence? confidence = null, Persona persona = Persona.Regular) =>
        scope.Hit(rule, StepLocation(scope.Source, step), message, material, step.Node, severity, confidence, persona);

    /// <summary>A hit on a job as a whole (at its key).</summary>
    public static AuditHit AtJob(this AuditScope scope, IRule rule, Job job, string message, string material, Severity? severity = null, Confidence? confidence = null, Persona persona = Persona.Regular) =>
        scope.Hit(rule, scope.Source.Of(job.KeyEntry), message, material, job.Node, severity, confidence, persona);

    /// <summary>A hit at the value of <c>uses:</c>.</summary>
    public static AuditHit AtUses(this AuditScope scope, IRule rule, YamlScalar uses, YamlNode feature, string message, Severity? severity = null, Confidence? confidence = null, Persona persona = Persona.Regular) =>
        scope.Hit(rule, scope.Source.Of(uses, uses.Value.Length - uses.Value.TrimStart().Length, Math.Max(1, uses.Value.Trim().Length)), message, uses.Value.Trim(), feature, severity, confidence, persona);

    /// <summary>Every <c>uses:</c> in the document: steps (workflow or composite) and reusable-workflow jobs.</summary>
    public static IEnumerable<(UsesReference Uses, YamlScalar Scalar, YamlMapping Owner, JobStep? Step, Job? Job)> AllUses(GitHubDocument document)
    {
        if (document.Workflow is { } workflow)
        {
            foreach (var job in workflow.Jobs)
            {
                if (job.Uses is { } jobUses)
                {
                    yield return (jobUses, job.UsesScalar!, job.Node, null, job);
                }

                foreach (var step in job.Steps)
                {
                    if (step.Uses is { } uses)
                    {
                        yield return (uses, step.UsesScalar!, step.Node, step, job);
                    }
                }
            }
        }
        else if (document.Action is { } action)
        {
            foreach (var step in action.Steps)
            {
                if (step.Uses is { } uses)
                {
                    yield return (uses, step.UsesScalar!, step.Node, step, null);
                }
            }
        }
    }
}
