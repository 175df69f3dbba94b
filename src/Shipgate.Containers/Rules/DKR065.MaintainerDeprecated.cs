using Shipgate.Containers.Dockerfiles;
using Shipgate.Core;

namespace Shipgate.Containers.Rules;

internal sealed class MaintainerDeprecated : DockerfileRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "DKR065", "maintainer-deprecated", "MAINTAINER is deprecated",
        Severity.Low, Confidence.High,
        ["hadolint:DL4000", "trivy:DS-0022", "checkov:CKV_DOCKER_6"],
        "MAINTAINER has been deprecated since Docker 1.13; tools read the maintainer from labels.",
        "Use 'LABEL org.opencontainers.image.authors=\"name <email>\"'.",
        tags: ["style"]);

    public override IEnumerable<Finding> Analyze(Dockerfile document, RuleContext context)
    {
        foreach (var maintainer in document.Instructions.Where(i => i.Is("MAINTAINER")))
        {
            yield return Report(context, document, maintainer, $"MAINTAINER '{Clip(maintainer.Body, 60)}' is deprecated; use LABEL org.opencontainers.image.authors.", "MAINTAINER");
        }
    }
}
