using Shipgate.Core;

namespace Shipgate.Containers.Rules;

internal sealed class GpgCheckDisabled : CommandOptionRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "DKR048", "gpg-check-disabled", "Package manager skips GPG signature checks",
        Severity.High, Confidence.High,
        ["checkov:CKV2_DOCKER_9"],
        "--nogpgcheck makes yum, dnf and tdnf install packages without verifying their GPG signatures, so a tampered package is accepted.",
        "Remove --nogpgcheck and import the repository key with 'rpm --import'.",
        tags: ["supply-chain", "cwe-347"]);

    protected override string[] Commands => ["yum", "dnf", "tdnf", "microdnf"];

    protected override string[] Options => ["--nogpgcheck"];

    protected override string Effect => "installs packages without verifying their GPG signatures";
}
