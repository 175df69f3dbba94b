using Shipgate.Containers.Dockerfiles;
using Shipgate.Core;

namespace Shipgate.Containers.Rules;

internal sealed class CopyRelativeWithoutWorkdir : DockerfileRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "DKR077", "copy-relative-without-workdir", "COPY to a relative path before any WORKDIR",
        Severity.Low, Confidence.Medium,
        ["hadolint:DL3045"],
        "A relative COPY destination is resolved against the working directory, which without WORKDIR is whatever the base image set. A base image update can move the files.",
        "Set WORKDIR first, or copy to an absolute path.",
        tags: ["correctness"]);

    public override IEnumerable<Finding> Analyze(Dockerfile document, RuleContext context)
    {
        var looseWorkdir = false;
        foreach (var instruction in document.Effective)
        {
            if (instruction.Is("WORKDIR") && instruction.StageIndex < 0)
            {
                looseWorkdir = true;
            }

            if (!instruction.Is("COPY") || CopySpec.Of(instruction) is not { } spec || CopySpec.IsAbsolute(spec.Destination))
            {
                continue;
            }

            if (!HasWorkdirBefore(document, instruction) && !looseWorkdir)
            {
                yield return Report(context, document, instruction, $"COPY writes to the relative path '{spec.Destination}' but no WORKDIR is set.", spec.Destination);
            }
        }
    }

    private static bool HasWorkdirBefore(Dockerfile document, Instruction copy)
    {
        for (var stage = document.StageOf(copy); stage is not null; stage = stage.Parent)
        {
            if (stage.Instructions.Any(i => (i.Inner ?? i).Is("WORKDIR") && i.Offset < copy.Offset))
            {
                return true;
            }
        }

        return false;
    }
}
