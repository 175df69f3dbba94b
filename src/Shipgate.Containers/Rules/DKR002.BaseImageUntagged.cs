using Shipgate.Containers.Dockerfiles;
using Shipgate.Core;

namespace Shipgate.Containers.Rules;

internal sealed class BaseImageUntagged : DockerfileRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "DKR002", "base-image-untagged", "Base image has no tag",
        Severity.Medium, Confidence.High,
        ["hadolint:DL3006"],
        "The FROM instruction names an image without a tag or digest, which Docker resolves to ':latest'. The build is not reproducible and picks up whatever upstream published last.",
        "Add an explicit release tag (and ideally a digest) to the image: 'FROM debian:12.6'.",
        tags: ["supply-chain", "reproducibility"]);

    public override IEnumerable<Finding> Analyze(Dockerfile document, RuleContext context)
    {
        foreach (var stage in document.Stages)
        {
            var image = stage.Image;
            if (stage.Parent is null && !image.IsScratch && !image.HasUnresolvedVariables && image.Tag is null && image.Digest is null
                && image.Repository.Length > 0 && !document.Stages.Any(s => s.Index < stage.Index && s.IsNamed(image.Resolved)))
            {
                yield return Report(context, document, stage.From, $"Stage {stage.Index + 1} is based on '{image.Resolved}' without a tag, which means ':latest'.", image.Resolved);
            }
        }
    }
}
