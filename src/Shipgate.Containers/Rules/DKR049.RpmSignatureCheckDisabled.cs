using Shipgate.Core;

namespace Shipgate.Containers.Rules;

internal sealed class RpmSignatureCheckDisabled : CommandOptionRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "DKR049", "rpm-signature-check-disabled", "rpm installs packages without digest or signature checks",
        Severity.High, Confidence.High,
        ["checkov:CKV2_DOCKER_10"],
        "rpm --nosignature, --nodigest, --noverify and --nofiledigest skip the integrity checks that detect tampered packages.",
        "Remove the options and import the signing key with 'rpm --import'.",
        tags: ["supply-chain", "cwe-347"]);

    protected override string[] Commands => ["rpm"];

    protected override string[] Options => ["--nosignature", "--nodigest", "--noverify", "--nofiledigest"];

    protected override string Effect => "skips package digest or signature verification";
}
