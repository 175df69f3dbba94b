using Shipgate.Core;

namespace Shipgate.Containers.Rules;

internal sealed class PipTrustedHost : CommandOptionRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "DKR042", "pip-trusted-host", "pip trusts a host without certificate checks",
        Severity.High, Confidence.High,
        ["checkov:CKV2_DOCKER_4"],
        "pip --trusted-host accepts plain HTTP and any certificate from that host, so the packages the image installs can be swapped in transit.",
        "Remove --trusted-host and use an HTTPS index with a valid certificate (or add the CA with --cert).",
        tags: ["supply-chain", "tls", "cwe-295"]);

    protected override string[] Commands => ["pip", "pip2", "pip3", "python", "python3"];

    protected override string[] Options => ["--trusted-host"];

    protected override string Effect => "turns off certificate verification for that index";
}
