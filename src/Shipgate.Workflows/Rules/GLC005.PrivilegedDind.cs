using Shipgate.Core;
using Shipgate.Workflows.GitLab;

namespace Shipgate.Workflows.Rules;

/// <summary>GLC005: docker-in-docker service needs a privileged runner.</summary>
public sealed class PrivilegedDind : WorkflowRule<GitLabPipeline>
{
    public override RuleMetadata Metadata { get; } = new(
        "GLC005", "privileged-dind", "Docker-in-Docker service needs a privileged runner", Category.Workflows, Severity.High, Confidence.Medium)
    {
        Equivalents = ["concept:GLC-PRIVILEGED-DIND"],
        Description = "docker:dind only works on runners in privileged mode; a privileged container can take over the runner host, and with it every later job and the secrets they receive.",
        Remediation = "Build images without a daemon (Kaniko, Buildah, BuildKit rootless) or use dedicated, ephemeral runners for Docker-in-Docker.",
        Tags = ["security", "infrastructure"],
    };

    public override IEnumerable<AuditHit> Audit(GitLabPipeline document, AuditScope scope)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(scope);
        foreach (var image in GitLabSupport.Images(document))
        {
            if (image.IsService && image.Name.Value.Contains("dind", StringComparison.OrdinalIgnoreCase))
            {
                yield return scope.At(this, image.Source, image.Node, $"The Docker-in-Docker service '{image.Name.Value}' of {image.Owner} requires a privileged runner.", image.Owner + ":" + image.Name.Value);
            }
        }
    }
}
