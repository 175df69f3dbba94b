using Shipgate.Core;
using Shipgate.Workflows.Expressions;
using Shipgate.Workflows.Fixes;
using Shipgate.Workflows.GitHubActions;
using Shipgate.Yaml;

namespace Shipgate.Workflows.Rules;

/// <summary>GHA001: an attacker-controllable expression expanded into a shell script or script input.</summary>
public sealed class TemplateInjection : WorkflowRule<GitHubDocument>
{
    public override RuleMetadata Metadata { get; } = new(
        "GHA001", "template-injection", "Expression expanded into a script", Category.Workflows, Severity.High, Confidence.High)
    {
        Equivalents = ["zizmor:template-injection"],
        Description = "A ${{ }} expression inside run: or a script-evaluating action input is pasted into the script text before it runs, so a value an attacker controls (an issue title, a branch name, an input) becomes code. Step outputs (steps.x.outputs.y) and job outputs (needs.j.outputs.z) are followed back to the run: step that wrote them to $GITHUB_OUTPUT: one filled from such a value (directly, through env:, a script variable or the event payload file) is reported as high severity.",
        Remediation = "Pass the value through an environment variable (env: TITLE: ${{ github.event.issue.title }}) and use \"$TITLE\" in the script.",
        Tags = ["security", "injection", "cwe-94"],
    };

    public override IEnumerable<AuditHit> Audit(GitHubDocument document, AuditScope scope)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(scope);
        foreach (var step in document.Steps)
        {
            foreach (var (script, entry) in ScriptSinks.ScriptsOf(step))
            {
                foreach (var template in TemplateExpression.FindAll(script.Value))
                {
                    if (template.Parsed is not { } parsed)
                    {
                        continue;
                    }

                    // Any expression in a code context is a smell, even when nothing in it is attacker-controlled.
                    yield return scope.Hit(
                        this,
                        scope.Source.Of(script, template.Start, template.End - template.Start),
                        $"Step '{step.DisplayName}' expands an expression into {Where(entry)}; prefer passing values through env:.",
                        entry.Key.Value + ":pedantic:" + template.Body.Trim(),
                        feature: entry.Value,
                        severity: Severity.Low,
                        persona: Persona.Pedantic);

                    foreach (var context in ExpressionAnalysis.DataflowContexts(parsed))
                    {
                        if (Classify(context, step, document) is not { } verdict)
                        {
                            continue;
                        }

                        var text = template.Body[context.Node.Start..context.Node.End];
                        var location = scope.Source.Of(script, template.TextOffsetOf(context.Node.Start), text.Length);
                        var via = verdict.Via is null ? "" : $" (it carries {verdict.Via})";
                        yield return scope.Hit(
                            this,
                            location,
                            $"Step '{step.DisplayName}' expands '{text}'{via} into {Where(entry)}, where a value an attacker can influence becomes code.",
                            entry.Key.Value + ":" + text,
                            feature: entry.Value,
                            severity: verdict.Severity,
                            confidence: verdict.Confidence,
                            fix: entry.Key.Value == "run" ? EnvironmentFix(step, script, template, scope) : null);
                    }
                }
            }
        }
    }

    // Moves a single-context expression out of the script: ${{ github.head_ref }} becomes ${GITHUB_HEAD_REF}
    // and the step gets env: GITHUB_HEAD_REF: ${{ github.head_ref }}.
    private static Fix? EnvironmentFix(JobStep step, YamlScalar script, TemplateExpression template, AuditScope scope)
    {
        if (step.Shell is not ("bash" or "sh" or "zsh") || template.Parsed is not { } parsed || !ContextAccess.IsContextChain(parsed)
            || ContextAccess.PatternOf(parsed) is not { } pattern || pattern.Contains('*', StringComparison.Ordinal))
        {
            return null;
        }

        var isEnv = pattern.StartsWith("env.", StringComparison.Ordinal);
        var name = (isEnv ? pattern[4..] : pattern).Replace('.', '_').Replace('-', '_').ToUpperInvariant();
        var start = scope.Source.SourceOffset(script, template.Start);
        var end = scope.Source.SourceOffset(script, template.End - 1) + 1;
        if (scope.Source.Text[start..end] != script.Value[template.Start..template.End])
        {
            return null;
        }

        var edits = new List<Shipgate.Core.TextEdit> { new(start, end - start, "${" + name + "}") };
        if (!isEnv && step.Env?.Entry(name) is null)
        {
            var value = "${{ " + template.Body.Trim() + " }}";
            var add = step.Env is { } env ? YamlFixes.AddEntry(scope.Source, env, name, value) : YamlFixes.AddBlock(scope.Source, step.Node, "env", name, value);
            if (add is null)
            {
                return null;
            }

            edits.Add(add);
        }

        return new Fix($"Pass {pattern} through the environment variable {name}", edits);
    }

    private static string Where(YamlEntry entry) => entry.Key.Value == "run" ? "a run: script" : $"the '{entry.Key.Value}' script input";

    private static (Severity Severity, Confidence Confidence, string? Via)? Classify(ContextAccess context, JobStep step, GitHubDocument document)
    {
        if (context.Pattern is null)
        {
            return (Severity.Info, Confidence.Low, null);
        }

        // A step or job output that a producer filled from an attacker-controlled value.
        if ((context.IsUnder("steps") || context.IsUnder("needs")) && OutputFlows.AttackerSource(context, step, document) is { } source)
        {
            return (Severity.High, Confidence.Medium, source);
        }

        switch (ContextCapabilities.Of(context))
        {
            case Capability.Fixed:
                return null;
            case Capability.Structured:
                return (Severity.Medium, Confidence.High, null);
            case Capability.Arbitrary:
                return (Severity.High, Confidence.High, null);
        }

        if (context.IsUnder("secrets"))
        {
            return null;
        }

        if (context.IsUnder("inputs"))
        {
            return InputVerdict(context, document) is { } input ? (input.Item1, input.Item2, null) : null;
        }

        if (context.IsUnder("env"))
        {
            var name = context.Pattern.Split('.').ElementAtOrDefault(1);
            if (name is null || name == "*")
            {
                return (Severity.Low, Confidence.High, null);
            }

            var value = step.LookupEnv(name);
            return value is YamlScalar s && !s.Value.Contains("${{", StringComparison.Ordinal) ? null : (Severity.Low, Confidence.High, null);
        }

        if (context.IsUnder("github"))
        {
            return (Severity.High, Confidence.High, null);
        }

        if (context.IsUnder("matrix"))
        {
            if (step.Job?.Node["strategy"] is not YamlMapping strategy || strategy["matrix"] is not { } matrix)
            {
                return null;
            }

            return MatrixValues.IsStatic(matrix, context.Pattern.Split('.').ElementAtOrDefault(1)) ? null : (Severity.Medium, Confidence.Medium, null);
        }

        return (Severity.Info, Confidence.Low, null);
    }

    private static (Severity, Confidence)? InputVerdict(ContextAccess context, GitHubDocument document)
    {
        var name = context.Pattern!.Split('.').ElementAtOrDefault(1);
        var declared = InputDeclarations.Find(document, name);
        if (declared is null)
        {
            return (Severity.Low, Confidence.Low);
        }

        var type = declared["type"] is YamlScalar t ? t.Value.ToLowerInvariant() : "string";
        return type is "boolean" or "number" or "choice" or "environment" ? null : (Severity.High, Confidence.High);
    }
}
