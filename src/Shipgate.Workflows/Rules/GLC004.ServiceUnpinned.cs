using Shipgate.Core;
using Shipgate.Workflows.GitLab;

namespace Shipgate.Workflows.Rules;

/// <summary>GLC004: service container without a version.</summary>
public sealed class ServiceUnpinned : WorkflowRule<GitLabPipeline>
{
    public override RuleMetadata Metadata { get; } = new(
        "GLC004", "service-unpinned", "Service container without a version", Category.Workflows, Severity.High, Confidence.High)
    {
        Equivalents = ["concept:GLC-SERVICE-UNPINNED"],
        Description = "services: containers run next to the job with access to its network and often its credentials; without a tag (or with latest) they change whenever the registry does.",
        Remediation = "Pin service images by digest or an exact version tag.",
        Tags = ["security", "supply-chain"],
    };

    public override IEnumerable<AuditHit> Audit(GitLabPipeline document, AuditScope scope)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(scope);
        foreach (var image in GitLabSupport.Images(document))
        {
            var name = image.Name.Value.Trim();
            if (name.Length == 0 || name.Contains('$', StringComparison.Ordinal) || GitHubActions.ImageReference.HasDigest(name) || !image.IsService)
            {
                continue;
            }

            var tag = GitHubActions.ImageReference.TagOf(name);
            if (tag is null or "latest")
            {
                yield return scope.At(this, image.Source, image.Node, $"The service '{name}' of {image.Owner} has {(tag is null ? "no tag" : "the latest tag")} and no digest.", image.Owner + ":" + name);
            }
        }
    }
}
