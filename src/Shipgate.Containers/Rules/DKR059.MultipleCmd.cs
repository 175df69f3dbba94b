using Shipgate.Core;

namespace Shipgate.Containers.Rules;

internal sealed class MultipleCmd : SingletonInstructionRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "DKR059", "multiple-cmd", "Stage has more than one CMD",
        Severity.Low, Confidence.High,
        ["hadolint:DL4003", "trivy:DS-0016"],
        "Only the last CMD of a stage takes effect; earlier ones are dead code that misleads readers about what the container runs.",
        "Keep one CMD per stage.",
        tags: ["correctness"]);

    protected override string Keyword => "CMD";
}
