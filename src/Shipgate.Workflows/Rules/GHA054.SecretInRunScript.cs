using Shipgate.Core;
using Shipgate.Workflows.Expressions;
using Shipgate.Workflows.GitHubActions;
using Shipgate.Workflows.Shell;

using Shipgate.Yaml;

namespace Shipgate.Workflows.Rules;

/// <summary>GHA054: secrets pasted into run: scripts, or printed, or traced with set -x.</summary>
public sealed class SecretInRunScript : WorkflowRule<GitHubDocument>
{
    public override RuleMetadata Metadata { get; } = new(
        "GHA054", "secret-in-run-script", "Secret interpolated into or echoed by a script", Category.Workflows, Severity.High, Confidence.High)
    {
        Equivalents = ["concept:GHA-SECRET-IN-SCRIPT"],
        Description = "${{ secrets.X }} inside run: is pasted into the script file on disk and into the process command line, where other processes and crash dumps can read it; echoing it or running with set -x prints it, and masking fails as soon as it is transformed.",
        Remediation = "Pass the secret through env: (env: TOKEN: ${{ secrets.TOKEN }}) and read \"$TOKEN\"; never echo it and avoid set -x in steps that see secrets.",
        Tags = ["security", "secrets", "cwe-532"],
    };

    public override IEnumerable<AuditHit> Audit(GitHubDocument document, AuditScope scope)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(scope);
        foreach (var step in document.Steps)
        {
            if (step.Run is not { } run)
            {
                continue;
            }

            foreach (var template in TemplateExpression.FindAll(run.Value))
            {
                foreach (var context in template.Parsed is { } parsed ? ExpressionAnalysis.AllContexts(parsed) : [])
                {
                    if (context.Pattern is { } pattern && (pattern.StartsWith("secrets.", StringComparison.Ordinal) || pattern == "github.token"))
                    {
                        var text = template.Body[context.Node.Start..context.Node.End];
                        yield return scope.Hit(this, scope.Source.Of(run, template.TextOffsetOf(context.Node.Start), text.Length), $"Step '{step.DisplayName}' pastes {pattern} into its script text; pass it through env: instead.", "interpolated:" + pattern, feature: step.Node);
                    }
                }
            }

            var secretEnv = SecretEnvironmentNames(step);
            if (secretEnv.Count == 0)
            {
                continue;
            }

            foreach (var command in ShellScript.Commands(run.Value, ShellScript.IsPowerShell(step.Shell)))
            {
                var words = command.Words.Select(w => w.Text).ToList();
                var tracing = words.Count >= 2 && words[0] == "set" && words.Skip(1).Any(w => w.StartsWith('-') && w.Contains('x', StringComparison.Ordinal));
                var printing = words[0] is "echo" or "printf" or "Write-Host" or "Write-Output" && words.Skip(1).Any(w => secretEnv.Any(n => w.Contains("$" + n, StringComparison.Ordinal) || w.Contains("${" + n + "}", StringComparison.Ordinal) || w.Contains("$env:" + n, StringComparison.OrdinalIgnoreCase)));
                if (tracing || printing)
                {
                    var text = string.Join(' ', words);
                    yield return scope.Hit(
                        this,
                        scope.Source.Of(run, command.Offset, command.Words[0].Text.Length),
                        tracing ? $"Step '{step.DisplayName}' turns on shell tracing ('{text}') while secrets are in its environment." : $"Step '{step.DisplayName}' prints a secret ('{text}').",
                        (tracing ? "trace:" : "print:") + text,
                        feature: step.Node,
                        severity: tracing ? Severity.Medium : Severity.High);
                }
            }
        }
    }

    private static List<string> SecretEnvironmentNames(JobStep step)
    {
        var names = new List<string>();
        foreach (var env in new[] { step.Env, step.Job?.Env, step.Job?.Workflow.Env })
        {
            foreach (var entry in env?.Entries ?? [])
            {
                if (entry.Value is YamlScalar value && value.Value.Contains("secrets.", StringComparison.OrdinalIgnoreCase))
                {
                    names.Add(entry.Key.Value);
                }
            }
        }

        return names;
    }
}
