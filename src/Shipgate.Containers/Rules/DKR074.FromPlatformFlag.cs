using Shipgate.Containers.Dockerfiles;
using Shipgate.Core;

namespace Shipgate.Containers.Rules;

internal sealed class FromPlatformFlag : DockerfileRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "DKR074", "from-platform-flag", "FROM pins a fixed --platform",
        Severity.Low, Confidence.High,
        ["hadolint:DL3029"],
        "A hard-coded '--platform' on FROM forces one architecture, so multi-platform builds silently produce images for the wrong platform or run under emulation.",
        "Remove the flag, or use the build arguments '$BUILDPLATFORM' / '$TARGETPLATFORM' so the platform follows the build.",
        tags: ["portability"]);

    public override IEnumerable<Finding> Analyze(Dockerfile document, RuleContext context)
    {
        foreach (var stage in document.Stages)
        {
            if (stage.Platform is { } platform && !platform.Contains("BUILDPLATFORM", StringComparison.Ordinal) && !platform.Contains("TARGETPLATFORM", StringComparison.Ordinal))
            {
                yield return Report(context, document, stage.From, $"Stage {stage.Index + 1} pins '--platform={platform}'.", platform);
            }
        }
    }
}
