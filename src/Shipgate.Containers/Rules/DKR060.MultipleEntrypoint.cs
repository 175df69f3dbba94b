using Shipgate.Core;

namespace Shipgate.Containers.Rules;

internal sealed class MultipleEntrypoint : SingletonInstructionRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "DKR060", "multiple-entrypoint", "Stage has more than one ENTRYPOINT",
        Severity.Medium, Confidence.High,
        ["hadolint:DL4004", "trivy:DS-0007"],
        "Only the last ENTRYPOINT of a stage takes effect; earlier ones are dead code that misleads readers about what the container runs.",
        "Keep one ENTRYPOINT per stage.",
        tags: ["correctness"]);

    protected override string Keyword => "ENTRYPOINT";
}
