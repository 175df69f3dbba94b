using Shipgate.Containers.Dockerfiles;
using Shipgate.Core;

namespace Shipgate.Containers.Rules;

internal sealed class CopyFromOwnStage : DockerfileRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "DKR067", "copy-from-own-stage", "COPY --from refers to its own stage",
        Severity.High, Confidence.High,
        ["hadolint:DL3023", "trivy:DS-0006"],
        "A stage cannot copy from itself; the build fails or copies from an unexpected image.",
        "Copy from an earlier stage, or use a plain COPY from the build context.",
        tags: ["correctness"]);

    public override IEnumerable<Finding> Analyze(Dockerfile document, RuleContext context)
    {
        foreach (var copy in document.EffectiveOfKind("COPY"))
        {
            if (copy.Flag("from") is { Length: > 0 } from && document.StageOf(copy) is { } stage
                && (stage.IsNamed(from) || from == stage.Index.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            {
                yield return Report(context, document, copy, $"COPY --from={from} refers to the stage it is in.", from);
            }
        }
    }
}
