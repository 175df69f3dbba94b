using Shipgate.Containers.Dockerfiles;
using Shipgate.Core;

namespace Shipgate.Containers.Rules;

internal sealed class BaseImageNotPinnedByDigest : DockerfileRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "DKR003", "base-image-not-pinned-by-digest", "Base image is not pinned by digest",
        Severity.Low, Confidence.High,
        ["concept:BASE-IMAGE-DIGEST"],
        "A tag is a mutable pointer: the registry owner (or an attacker who takes over the account) can move it to a different image at any time. Only a content digest ('@sha256:…') fixes the exact bytes the build starts from.",
        "Append the digest of the image you tested: 'FROM node:20.15-alpine@sha256:<digest>'. Let a bot such as Renovate or Dependabot update it.",
        RuleStatus.Experimental,
        "supply-chain");

    public override IEnumerable<Finding> Analyze(Dockerfile document, RuleContext context)
    {
        foreach (var stage in document.Stages)
        {
            var image = stage.Image;
            if (stage.Parent is null && !image.IsScratch && !image.HasUnresolvedVariables && image.Digest is null && image.Repository.Length > 0)
            {
                yield return Report(context, document, stage.From, $"The base image '{image.Resolved}' is not pinned by digest.", image.Resolved);
            }
        }
    }
}
