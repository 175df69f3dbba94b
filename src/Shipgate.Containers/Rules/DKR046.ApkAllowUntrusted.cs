using Shipgate.Core;

namespace Shipgate.Containers.Rules;

internal sealed class ApkAllowUntrusted : CommandOptionRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "DKR046", "apk-allow-untrusted", "apk installs packages without signature checks",
        Severity.High, Confidence.High,
        ["checkov:CKV2_DOCKER_7"],
        "apk --allow-untrusted installs packages whose signature is missing or made by an unknown key, so a tampered package is accepted.",
        "Remove --allow-untrusted; add the repository's public key to /etc/apk/keys instead.",
        tags: ["supply-chain", "cwe-347"]);

    protected override string[] Commands => ["apk"];

    protected override string[] Options => ["--allow-untrusted"];

    protected override string Effect => "installs packages whose signatures are missing or untrusted";
}
