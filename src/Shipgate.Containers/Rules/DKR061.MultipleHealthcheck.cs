using Shipgate.Core;

namespace Shipgate.Containers.Rules;

internal sealed class MultipleHealthcheck : SingletonInstructionRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "DKR061", "multiple-healthcheck", "Stage has more than one HEALTHCHECK",
        Severity.Medium, Confidence.High,
        ["hadolint:DL3012", "trivy:DS-0023"],
        "Only the last HEALTHCHECK of a stage takes effect; the others never run.",
        "Keep one HEALTHCHECK per stage.",
        tags: ["correctness"]);

    protected override string Keyword => "HEALTHCHECK";
}
