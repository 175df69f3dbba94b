using Shipgate.Core;
using Shipgate.Workflows.GitHubActions;

using Shipgate.Yaml;

namespace Shipgate.Workflows.Rules;

/// <summary>GHA007: dynamic content written to GITHUB_ENV or GITHUB_PATH where an attacker may control it.</summary>
public sealed class GitHubEnv : WorkflowRule<GitHubDocument>
{
    public override RuleMetadata Metadata { get; } = new(
        "GHA007", "github-env", "Dynamic write to GITHUB_ENV or GITHUB_PATH", Category.Workflows, Severity.High, Confidence.Low)
    {
        Equivalents = ["zizmor:github-env"],
        Description = "Lines appended to $GITHUB_ENV become environment variables of every later step (LD_PRELOAD, NODE_OPTIONS, BASH_ENV), and $GITHUB_PATH changes which binaries run; writing values that come from the event or the checked-out code lets an attacker run code in privileged steps.",
        Remediation = "Write only fixed names and validated values, use step outputs ($GITHUB_OUTPUT) instead, and never do this in pull_request_target or workflow_run workflows.",
        Tags = ["security", "injection"],
    };

    public override IEnumerable<AuditHit> Audit(GitHubDocument document, AuditScope scope)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(scope);
        var privileged = document.Workflow is null
            || document.Workflow.HasTrigger("pull_request_target") || document.Workflow.HasTrigger("workflow_run");
        if (!privileged)
        {
            yield break;
        }

        foreach (var step in document.Steps)
        {
            if (step.Node.Entry("run") is not { Value: YamlScalar run } entry)
            {
                continue;
            }

            foreach (var line in run.Value.Split('\n'))
            {
                if (!WritesEnvironmentFile(line, out var file))
                {
                    continue;
                }

                var payload = line[..line.IndexOf(">>", StringComparison.Ordinal)];
                if (IsDynamic(payload))
                {
                    yield return scope.AtEntry(
                        this,
                        entry,
                        $"Step '{step.DisplayName}' appends computed content to {file}, which later steps load as environment or PATH.",
                        file + ":" + line.Trim(),
                        confidence: Confidence.Low);
                    break;
                }
            }
        }
    }

    private static bool WritesEnvironmentFile(string line, out string file)
    {
        file = "";
        var redirect = line.IndexOf(">>", StringComparison.Ordinal);
        if (redirect < 0)
        {
            return false;
        }

        var target = line[(redirect + 2)..];
        foreach (var name in new[] { "GITHUB_ENV", "GITHUB_PATH" })
        {
            if (target.Contains("$" + name, StringComparison.Ordinal) || target.Contains("${" + name + "}", StringComparison.Ordinal)
                || target.Contains("$env:" + name, StringComparison.OrdinalIgnoreCase) || target.Contains("%" + name + "%", StringComparison.Ordinal))
            {
                file = name;
                return true;
            }
        }

        return false;
    }

    private static bool IsDynamic(string payload) =>
        payload.Contains('$', StringComparison.Ordinal) || payload.Contains('`', StringComparison.Ordinal)
        || (payload.Split('%').Length > 2);
}
