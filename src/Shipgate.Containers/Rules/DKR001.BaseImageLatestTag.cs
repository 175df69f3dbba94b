using Shipgate.Containers.Dockerfiles;
using Shipgate.Core;

namespace Shipgate.Containers.Rules;

internal sealed class BaseImageLatestTag : DockerfileRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "DKR001", "base-image-latest-tag", "Base image uses the latest tag",
        Severity.Medium, Confidence.High,
        ["hadolint:DL3007", "trivy:DS-0001", "checkov:CKV_DOCKER_7"],
        "The FROM instruction names an image with the ':latest' tag. The image behind that tag changes whenever upstream publishes, so two builds of the same Dockerfile can produce different images, and a compromised or broken release is pulled in silently.",
        "Pin the base image to a release tag, and ideally to a digest: 'FROM python:3.12.4-slim@sha256:…'.",
        tags: ["supply-chain", "reproducibility"]);

    public override IEnumerable<Finding> Analyze(Dockerfile document, RuleContext context)
    {
        foreach (var stage in document.Stages)
        {
            var image = stage.Image;
            if (stage.Parent is null && !image.HasUnresolvedVariables && image.Digest is null
                && string.Equals(image.Tag, "latest", StringComparison.OrdinalIgnoreCase))
            {
                yield return Report(context, document, stage.From, $"Stage {stage.Index + 1} is based on '{image.Resolved}', which floats with every upstream release.", image.Resolved);
            }
        }
    }
}
