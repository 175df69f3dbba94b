using Shipgate.Containers.Dockerfiles;
using Shipgate.Core;

namespace Shipgate.Containers.Rules;

internal sealed class CopyFromUnknownStage : DockerfileRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "DKR066", "copy-from-unknown-stage", "COPY --from names a stage that is not defined before it",
        Severity.Medium, Confidence.Medium,
        ["hadolint:DL3022"],
        "'COPY --from' names neither an earlier stage nor an image reference. Docker then tries to pull an image of that name from a registry, which fails the build or, worse, pulls an attacker's image with that name.",
        "Define the stage before the COPY ('FROM … AS builder'), fix the typo, or write a full image reference with a tag.",
        tags: ["correctness", "supply-chain"]);

    public override IEnumerable<Finding> Analyze(Dockerfile document, RuleContext context)
    {
        foreach (var copy in document.EffectiveOfKind("COPY"))
        {
            if (copy.Flag("from") is not { Length: > 0 } from || from.Contains('$', StringComparison.Ordinal))
            {
                continue;
            }

            var current = copy.StageIndex;
            if (int.TryParse(from, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index))
            {
                if (current < 0 || index >= current)
                {
                    yield return Report(context, document, copy, $"COPY --from={from} refers to stage {index}, but only {Math.Max(current, 0)} stage(s) come before it.", from);
                }

                continue;
            }

            if (from.Contains(':', StringComparison.Ordinal) || from.Contains('/', StringComparison.Ordinal) || from.Contains('@', StringComparison.Ordinal))
            {
                continue;
            }

            if (!document.Stages.Any(s => s.Index < current && s.IsNamed(from)) && !document.Stages.Any(s => s.Index == current && s.IsNamed(from)))
            {
                yield return Report(context, document, copy, $"COPY --from={from} names no stage defined before it.", from);
            }
        }
    }
}
