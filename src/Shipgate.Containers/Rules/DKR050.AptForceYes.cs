using Shipgate.Core;

namespace Shipgate.Containers.Rules;

internal sealed class AptForceYes : CommandOptionRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "DKR050", "apt-force-yes", "apt-get --force-yes bypasses package safety checks",
        Severity.High, Confidence.High,
        ["checkov:CKV2_DOCKER_11"],
        "--force-yes makes apt-get accept unauthenticated packages and downgrades, which can install tampered or vulnerable versions and leave the system inconsistent.",
        "Use -y and fix the underlying problem (missing key, held package); use the specific --allow-* option only if truly needed.",
        tags: ["supply-chain", "cwe-347"]);

    protected override string[] Commands => ["apt-get", "apt"];

    protected override string[] Options => ["--force-yes"];

    protected override string Effect => "disables signature validation and allows downgrades";
}
