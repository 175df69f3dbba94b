using Shipgate.Containers.Dockerfiles;
using Shipgate.Core;

namespace Shipgate.Containers.Rules;

internal sealed class ReservedStageName : DockerfileRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "DKR082", "reserved-stage-name", "Stage name is a reserved word",
        Severity.Low, Confidence.High,
        ["hadolint:DL3063"],
        "'scratch' and 'context' have special meanings in FROM and COPY --from; a stage with one of these names is ambiguous.",
        "Rename the stage.",
        tags: ["correctness"]);

    public override IEnumerable<Finding> Analyze(Dockerfile document, RuleContext context)
    {
        foreach (var stage in document.Stages)
        {
            if (stage.Name is { } name && (name.Equals("scratch", StringComparison.OrdinalIgnoreCase) || name.Equals("context", StringComparison.OrdinalIgnoreCase)))
            {
                yield return Report(context, document, stage.From, $"The stage name '{name}' is a reserved word.", name);
            }
        }
    }
}
