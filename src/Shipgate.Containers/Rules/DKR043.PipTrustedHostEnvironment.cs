using Shipgate.Core;

namespace Shipgate.Containers.Rules;

internal sealed class PipTrustedHostEnvironment : EnvironmentToggleRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "DKR043", "pip-trusted-host-environment", "PIP_TRUSTED_HOST disables certificate checks for pip",
        Severity.High, Confidence.High,
        ["checkov:CKV2_DOCKER_16"],
        "PIP_TRUSTED_HOST makes pip accept plain HTTP and any certificate from the listed hosts, so anyone on the network path can substitute the packages the image installs.",
        "Remove PIP_TRUSTED_HOST; serve the index over HTTPS with a certificate the image trusts (add a private CA with update-ca-certificates if needed).",
        tags: ["supply-chain", "tls", "cwe-295"]);

    protected override string Variable => "PIP_TRUSTED_HOST";

    protected override string Effect => "turns off certificate verification for those pip hosts";

    protected override bool IsUnsafe(string value) => value.Trim('"', '\'').Length > 0;
}
