using Shipgate.Core;
using Shipgate.Workflows.GitLab;

namespace Shipgate.Workflows.Rules;

/// <summary>GLC003: image pinned by tag instead of digest.</summary>
public sealed class ImageNoDigest : WorkflowRule<GitLabPipeline>
{
    public override RuleMetadata Metadata { get; } = new(
        "GLC003", "image-no-digest", "Image pinned by tag instead of digest", Category.Workflows, Severity.Low, Confidence.High)
    {
        Equivalents = ["concept:GLC-IMAGE-NO-DIGEST"],
        Description = "Tags are mutable: a registry account compromise or a careless re-push replaces the image behind node:22.4 without any change to the pipeline. Only a digest pins the exact bytes.",
        Remediation = "Add the digest to the image reference (node:22.4@sha256:...) and let an update bot maintain it.",
        Tags = ["supply-chain"],
    };

    public override IEnumerable<AuditHit> Audit(GitLabPipeline document, AuditScope scope)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(scope);
        foreach (var image in GitLabSupport.Images(document))
        {
            var name = image.Name.Value.Trim();
            if (name.Length == 0 || name.Contains('$', StringComparison.Ordinal) || GitHubActions.ImageReference.HasDigest(name))
            {
                continue;
            }

            var tag = GitHubActions.ImageReference.TagOf(name);
            if (tag is not null and not "latest")
            {
                yield return scope.At(this, image.Source, image.Node, $"The image '{name}' of {image.Owner} is pinned by tag only.", image.Owner + ":" + name, persona: Persona.Pedantic);
            }
        }
    }
}
