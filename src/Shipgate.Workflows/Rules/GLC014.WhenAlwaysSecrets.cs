using Shipgate.Core;
using Shipgate.Workflows.GitLab;

using Shipgate.Yaml;

namespace Shipgate.Workflows.Rules;

/// <summary>GLC014: secret-bearing job runs even after failures.</summary>
public sealed class WhenAlwaysSecrets : WorkflowRule<GitLabPipeline>
{
    public override RuleMetadata Metadata { get; } = new(
        "GLC014", "when-always-secrets", "Secret-bearing job runs even after failures", Category.Workflows, Severity.Low, Confidence.Medium)
    {
        Equivalents = ["concept:GLC-WHEN-ALWAYS-SECRETS"],
        Description = "when: always runs the job after earlier jobs failed or were tampered with, so a job that handles credentials also runs on pipelines where a check (tests, scans) already said no.",
        Remediation = "Use when: on_success (the default) for jobs that use credentials; keep when: always for clean-up that touches no secrets.",
        Tags = ["security", "secrets"],
    };

    public override IEnumerable<AuditHit> Audit(GitLabPipeline document, AuditScope scope)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(scope);
        var secretNames = GitLabSupport.Variables(document).Where(v => GitLabSupport.IsSecretName(v.Entry.Key.Value)).Select(v => v.Entry.Key.Value).ToHashSet(StringComparer.Ordinal);
        foreach (var job in document.Jobs)
        {
            if (job.Node.Entry("when") is not { Value: YamlScalar { Value: "always" } } entry)
            {
                continue;
            }

            var text = job.Source.RawOf(job.Node);
            var usesSecret = job.ScriptLines().Any(l => l.Value.Contains('$', StringComparison.Ordinal) && (secretNames.Any(n => l.Value.Contains(n, StringComparison.Ordinal)) || ContainsSecretReference(l.Value)))
                || text.Contains("secrets:", StringComparison.Ordinal);
            if (usesSecret)
            {
                yield return scope.At(this, job.Source, entry, $"Job '{job.Name}' uses credentials and runs with when: always.", job.Name);
            }
        }
    }

    private static bool ContainsSecretReference(string line)
    {
        foreach (var part in line.Split('$').Skip(1))
        {
            var name = new string(part.TrimStart('{').TakeWhile(c => char.IsAsciiLetterOrDigit(c) || c == '_').ToArray());
            if (name.Length > 0 && GitLabSupport.IsSecretName(name) && name != "CI_JOB_TOKEN")
            {
                return true;
            }
        }

        return false;
    }
}
