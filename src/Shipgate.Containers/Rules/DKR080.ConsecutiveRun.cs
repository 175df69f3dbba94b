using Shipgate.Containers.Dockerfiles;
using Shipgate.Core;

namespace Shipgate.Containers.Rules;

internal sealed class ConsecutiveRun : DockerfileRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "DKR080", "consecutive-run", "Consecutive RUN instructions",
        Severity.Info, Confidence.Medium,
        ["hadolint:DL3059"],
        "Each RUN creates a layer; consecutive RUNs with the same options usually belong together, and files deleted in a later one still take space in the earlier layer.",
        "Join them with '&&' in one RUN (or use a heredoc).",
        tags: ["image-size"]);

    public override IEnumerable<Finding> Analyze(Dockerfile document, RuleContext context)
    {
        Instruction? previous = null;
        foreach (var instruction in document.Instructions)
        {
            if (instruction.Is("RUN") && previous is not null && previous.Is("RUN") && previous.StageIndex == instruction.StageIndex
                && SameFlags(previous, instruction))
            {
                yield return Report(context, document, instruction, $"This RUN directly follows another RUN (line {previous.Line}); consider joining them.", instruction.Body);
            }

            previous = instruction;
        }
    }

    private static bool SameFlags(Instruction a, Instruction b) =>
        a.Flags.Count == b.Flags.Count && a.Flags.Zip(b.Flags).All(p => p.First.Name == p.Second.Name && p.First.Value == p.Second.Value);
}
