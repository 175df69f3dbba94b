using Shipgate.Core;
using Shipgate.Workflows.GitLab;

using Shipgate.Yaml;

namespace Shipgate.Workflows.Rules;

/// <summary>GLC013: artifacts include every untracked file.</summary>
public sealed class ArtifactsUntracked : WorkflowRule<GitLabPipeline>
{
    public override RuleMetadata Metadata { get; } = new(
        "GLC013", "artifacts-untracked", "Artifacts include every untracked file", Category.Workflows, Severity.Medium, Confidence.High)
    {
        Equivalents = ["concept:GLC-ARTIFACTS-UNTRACKED"],
        Description = "artifacts: untracked: true uploads every file git does not track — including credentials files, .env files and tool caches written during the job — to an artifact anyone with read access can download.",
        Remediation = "List the artifact paths explicitly.",
        Tags = ["security", "secrets"],
    };

    public override IEnumerable<AuditHit> Audit(GitLabPipeline document, AuditScope scope)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(scope);
        foreach (var job in document.Jobs)
        {
            if ((job.Node["artifacts"] as YamlMapping)?.Entry("untracked") is { Value: YamlScalar { AsBoolean: true } } entry)
            {
                yield return scope.At(this, job.Source, entry, $"Job '{job.Name}' uploads all untracked files as artifacts.", job.Name);
            }
        }
    }
}
