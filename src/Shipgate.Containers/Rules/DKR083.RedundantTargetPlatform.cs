using Shipgate.Containers.Dockerfiles;
using Shipgate.Core;

namespace Shipgate.Containers.Rules;

internal sealed class RedundantTargetPlatform : DockerfileRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "DKR083", "redundant-target-platform", "FROM sets --platform to $TARGETPLATFORM",
        Severity.Info, Confidence.High,
        ["hadolint:DL3065"],
        "'--platform=$TARGETPLATFORM' is what FROM does anyway, so the flag only adds noise and suggests an intent it does not have.",
        "Remove the flag; or use '$BUILDPLATFORM' if the stage should run on the build machine's platform.",
        tags: ["style"]);

    public override IEnumerable<Finding> Analyze(Dockerfile document, RuleContext context)
    {
        foreach (var stage in document.Stages)
        {
            if (stage.Platform is { } platform && platform.Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal).Trim('"') == "$TARGETPLATFORM")
            {
                yield return Report(context, document, stage.From, $"Stage {stage.Index + 1} sets '--platform={platform}', which is the default.", platform);
            }
        }
    }
}
