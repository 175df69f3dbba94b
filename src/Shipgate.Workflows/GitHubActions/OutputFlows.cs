using System.Text.RegularExpressions;
using Shipgate.Workflows.Expressions;
using Shipgate.Yaml;

namespace Shipgate.Workflows.GitHubActions;

/// <summary>
/// Follows step outputs (<c>steps.x.outputs.y</c>) and job outputs (<c>needs.j.outputs.z</c>) back to what was written
/// into them, to find an attacker-controlled source: a <c>run:</c> step that writes <c>y=…</c> to
/// <c>$GITHUB_OUTPUT</c> (or <c>::set-output</c>, or a <c>y&lt;&lt;EOF</c> block) from a free-text context, from an
/// <c>env:</c> variable holding one, from a script variable assigned from one, or from the event payload file
/// (<c>$GITHUB_EVENT_PATH</c>); and job <c>outputs:</c> that forward such step outputs. Outputs of <c>uses:</c>
/// steps are not followed. Depth-bounded; static and thread-safe.
/// </summary>
public static partial class OutputFlows
{
    private const int MaxDepth = 4;
    private const int MaxBlockLines = 200;

    /// <summary>
    /// For a <c>steps.*</c> or <c>needs.*</c> output read by <paramref name="consumer"/>, the chain that makes it
    /// attacker-controlled (e.g. <c>github.event.issue.title</c> or <c>needs.meta.outputs.t ← github.head_ref</c>), or null.
    /// </summary>
    public static string? AttackerSource(ContextAccess context, JobStep consumer, GitHubDocument document)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(consumer);
        ArgumentNullException.ThrowIfNull(document);
        var steps = consumer.Job?.Steps ?? document.Action?.Steps ?? [];
        if (context.Pattern is not { } pattern || Source(pattern, steps, document, 0) is not { } source)
        {
            return null;
        }

        return source.StartsWith(pattern + " ← ", StringComparison.Ordinal) ? source[(pattern.Length + 3)..] : source;
    }

    private static string? Source(string pattern, IReadOnlyList<JobStep> steps, GitHubDocument document, int depth)
    {
        if (depth > MaxDepth)
        {
            return null;
        }

        switch (pattern.Split('.'))
        {
            case ["steps", var id, "outputs", var name]:
                return steps.FirstOrDefault(s => s.Id == id) is { } producer ? StepSource(producer, name, document, depth) : null;
            case ["needs", var jobId, "outputs", var name]:
                if (document.Workflow?.Jobs.FirstOrDefault(j => j.Id == jobId) is not { } job
                    || (job.Node["outputs"] as YamlMapping)?[name] is not YamlScalar value)
                {
                    return null;
                }

                return ExpressionSource(value.Value, job.Steps, null, document, depth) is { } source ? $"{pattern} ← {source}" : null;
            default:
                return null;
        }
    }

    // The first attacker-controlled context an expression text lets through, following outputs and (when a step
    // is given) env: variables.
    private static string? ExpressionSource(string text, IReadOnlyList<JobStep> steps, JobStep? step, GitHubDocument document, int depth)
    {
        foreach (var template in TemplateExpression.FindAll(text))
        {
            if (template.Parsed is not { } parsed)
            {
                continue;
            }

            foreach (var context in ExpressionAnalysis.DataflowContexts(parsed))
            {
                if (ContextCapabilities.Of(context) == Capability.Arbitrary)
                {
                    return context.Pattern;
                }

                if (context.Pattern is { } pattern && (context.IsUnder("steps") || context.IsUnder("needs")) && Source(pattern, steps, document, depth + 1) is { } inner)
                {
                    return inner.StartsWith(pattern, StringComparison.Ordinal) ? inner : $"{pattern} ← {inner}";
                }

                if (step is not null && context.IsUnder("env") && context.Pattern!.Split('.') is [_, var name]
                    && step.LookupEnv(name) is YamlScalar env && env.Value.Contains("${{", StringComparison.Ordinal))
                {
                    return ExpressionSource(env.Value, steps, step, document, depth + 1);
                }
            }
        }

        return null;
    }

    private static string? StepSource(JobStep producer, string output, GitHubDocument document, int depth)
    {
        if (producer.Run is not { } run || !(run.Value.Contains("GITHUB_OUTPUT", StringComparison.Ordinal) || run.Value.Contains("::set-output", StringComparison.Ordinal)))
        {
            return null;
        }

        var steps = producer.Job?.Steps ?? document.Action?.Steps ?? [];
        var tainted = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = run.Value.Split('\n');
        var escaped = Regex.Escape(output);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];

            // A script variable assigned from something tainted is tainted from then on.
            if (Assignment().Match(line) is { Success: true } assignment && LineSource(assignment.Groups["value"].Value, producer, steps, tainted, document, depth) is { } assigned)
            {
                tainted[assignment.Groups["name"].Value] = assigned;
            }

            var trimmed = line.TrimStart(' ', '\t', '{', '(');
            var writesOutput = line.Contains("GITHUB_OUTPUT", StringComparison.Ordinal) || line.Contains("::set-output", StringComparison.Ordinal)
                || trimmed.StartsWith("echo ", StringComparison.Ordinal) || trimmed.StartsWith("printf ", StringComparison.Ordinal);
            if (!writesOutput)
            {
                continue;
            }

            var writes = Regex.Match(line, $@"(?<![\w-]){escaped}(?:=|<<\s*['""]?(?<delim>[A-Za-z_][\w-]*)|::)", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
            if (!writes.Success)
            {
                continue;
            }

            if (LineSource(line[writes.Index..], producer, steps, tainted, document, depth) is { } source)
            {
                return source;
            }

            if (writes.Groups["delim"] is { Success: true } delimiter)
            {
                for (var j = i + 1; j < lines.Length && j <= i + MaxBlockLines; j++)
                {
                    if (lines[j].Contains(delimiter.Value, StringComparison.Ordinal) && !lines[j].Contains('$', StringComparison.Ordinal))
                    {
                        break;
                    }

                    if (LineSource(lines[j], producer, steps, tainted, document, depth) is { } blockSource)
                    {
                        return blockSource;
                    }
                }
            }
        }

        return null;
    }

    // What in a piece of script text is attacker-controlled: an expression, a shell variable from env: or from a
    // tainted assignment, or a read of the event payload.
    private static string? LineSource(string text, JobStep step, IReadOnlyList<JobStep> steps, Dictionary<string, string> tainted, GitHubDocument document, int depth)
    {
        if (ExpressionSource(text, steps, step, document, depth) is { } expression)
        {
            return expression;
        }

        foreach (Match variable in ShellVariable().Matches(text))
        {
            var name = variable.Groups["name"].Value;
            if (name == "GITHUB_EVENT_PATH")
            {
                return "the event payload ($GITHUB_EVENT_PATH)";
            }

            if (tainted.TryGetValue(name, out var source))
            {
                return source;
            }

            if (step.LookupEnv(name) is YamlScalar env && env.Value.Contains("${{", StringComparison.Ordinal)
                && ExpressionSource(env.Value, steps, step, document, depth + 1) is { } fromEnv)
            {
                return fromEnv;
            }
        }

        return null;
    }

    [GeneratedRegex(@"^\s*(?:export\s+|local\s+|declare\s+(?:-\w+\s+)?)?(?<name>[A-Za-z_]\w*)=(?<value>.*)$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Assignment();

    [GeneratedRegex(@"\$\{?(?<name>[A-Za-z_]\w*)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex ShellVariable();
}
