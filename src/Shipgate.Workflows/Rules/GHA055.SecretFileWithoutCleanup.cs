using Shipgate.Core;
using Shipgate.Workflows.GitHubActions;
using Shipgate.Yaml;

namespace Shipgate.Workflows.Rules;

/// <summary>GHA055: a secret written to a file in the workspace with no <c>if: always()</c> step that removes it.</summary>
public sealed class SecretFileWithoutCleanup : WorkflowRule<GitHubDocument>
{
    public override RuleMetadata Metadata { get; } = new(
        "GHA055", "secret-file-without-cleanup", "Secret written to a file that is never cleaned up", Category.Workflows, Severity.Medium, Confidence.Medium)
    {
        Equivalents = ["concept:GHA-SECRET-FILE-NO-CLEANUP"],
        Description = "Secrets written to files (keys, kubeconfigs, .npmrc) stay on the runner after the step; on self-hosted runners they survive the job, and any later step, cache or uploaded artifact of the workspace can pick them up.",
        Remediation = "Write secret files outside the workspace (under $RUNNER_TEMP) and add a final step with if: always() that deletes them.",
        Tags = ["security", "secrets"],
    };

    public override IEnumerable<AuditHit> Audit(GitHubDocument document, AuditScope scope)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(scope);
        foreach (var job in document.Workflow?.Jobs ?? [])
        {
            var cleanup = job.Steps.Any(s => s.If is YamlScalar cond && cond.Value.Contains("always()", StringComparison.OrdinalIgnoreCase)
                && s.Run is { } r && (r.Value.Contains("rm ", StringComparison.Ordinal) || r.Value.Contains("shred", StringComparison.Ordinal) || r.Value.Contains("Remove-Item", StringComparison.OrdinalIgnoreCase)));
            if (cleanup)
            {
                continue;
            }

            foreach (var step in job.Steps)
            {
                if (step.Node.Entry("run") is not { Value: YamlScalar run } entry)
                {
                    continue;
                }

                var secretVars = (step.Env?.Entries ?? []).Where(e => e.Value is YamlScalar v && v.Value.Contains("secrets.", StringComparison.OrdinalIgnoreCase)).Select(e => e.Key.Value).ToList();
                foreach (var line in run.Value.Split('\n'))
                {
                    var redirect = line.IndexOf('>', StringComparison.Ordinal);
                    var tee = line.Contains("| tee ", StringComparison.Ordinal);
                    if (redirect < 0 && !tee)
                    {
                        continue;
                    }

                    var payload = redirect >= 0 ? line[..redirect] : line;
                    var target = redirect >= 0 ? line[(redirect + 1)..].TrimStart('>').Trim() : "";
                    var writesSecret = payload.Contains("secrets.", StringComparison.OrdinalIgnoreCase) || secretVars.Any(v => payload.Contains("$" + v, StringComparison.Ordinal) || payload.Contains("${" + v, StringComparison.Ordinal));
                    var harmlessTarget = target.StartsWith("$GITHUB_", StringComparison.Ordinal) || target.StartsWith("\"$GITHUB_", StringComparison.Ordinal) || target.StartsWith("/dev/", StringComparison.Ordinal)
                        || target.Contains("RUNNER_TEMP", StringComparison.Ordinal);
                    if (writesSecret && !harmlessTarget)
                    {
                        yield return scope.AtEntry(this, entry, $"Step '{step.DisplayName}' writes a secret to a file and job '{job.Id}' has no if: always() step that removes it.", job.Id + ":" + line.Trim());
                        break;
                    }
                }
            }
        }
    }
}
