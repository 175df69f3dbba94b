using Shipgate.Core;
using Shipgate.Workflows.GitLab;

namespace Shipgate.Workflows.Rules;

/// <summary>GLC002: job image without a version.</summary>
public sealed class ImageUnpinned : WorkflowRule<GitLabPipeline>
{
    public override RuleMetadata Metadata { get; } = new(
        "GLC002", "image-unpinned", "Job image without a version", Category.Workflows, Severity.High, Confidence.High)
    {
        Equivalents = ["concept:GLC-IMAGE-UNPINNED", "checkov:CKV_GITLABCI_3"],
        Description = "An image: with no tag or with latest runs whatever the registry serves today, so a re-pushed or compromised image changes every pipeline silently.",
        Remediation = "Pin the image by digest (image: node:22@sha256:...) or at least an exact version tag.",
        Tags = ["security", "supply-chain"],
    };

    public override IEnumerable<AuditHit> Audit(GitLabPipeline document, AuditScope scope)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(scope);
        foreach (var image in GitLabSupport.Images(document))
        {
            var name = image.Name.Value.Trim();
            if (name.Length == 0 || name.Contains('$', StringComparison.Ordinal) || GitHubActions.ImageReference.HasDigest(name) || image.IsService)
            {
                continue;
            }

            var tag = GitHubActions.ImageReference.TagOf(name);
            if (tag is null or "latest")
            {
                yield return scope.At(this, image.Source, image.Node, $"The image '{name}' of {image.Owner} has {(tag is null ? "no tag" : "the latest tag")} and no digest.", image.Owner + ":" + name);
            }
        }
    }
}
