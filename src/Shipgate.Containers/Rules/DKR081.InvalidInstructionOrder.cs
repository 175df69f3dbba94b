using Shipgate.Containers.Dockerfiles;
using Shipgate.Core;

namespace Shipgate.Containers.Rules;

internal sealed class InvalidInstructionOrder : DockerfileRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "DKR081", "invalid-instruction-order", "Dockerfile does not start with FROM or ARG",
        Severity.High, Confidence.High,
        ["hadolint:DL3061"],
        "A Dockerfile must begin with FROM (optionally preceded by ARG, comments and parser directives). Any other instruction first is rejected by the builder.",
        "Move the instruction after the first FROM.",
        tags: ["correctness"]);

    public override IEnumerable<Finding> Analyze(Dockerfile document, RuleContext context)
    {
        if (document.Stages.Count == 0)
        {
            yield break;
        }

        foreach (var instruction in document.Instructions)
        {
            if (instruction.Is("FROM"))
            {
                yield break;
            }

            if (!instruction.Is("ARG"))
            {
                yield return Report(context, document, instruction, $"'{instruction.Keyword}' comes before the first FROM.");
                yield break;
            }
        }
    }
}
