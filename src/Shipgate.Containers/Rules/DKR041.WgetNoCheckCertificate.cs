using Shipgate.Core;

namespace Shipgate.Containers.Rules;

internal sealed class WgetNoCheckCertificate : CommandOptionRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "DKR041", "wget-no-check-certificate", "wget runs with certificate checks disabled",
        Severity.High, Confidence.High,
        ["checkov:CKV2_DOCKER_3"],
        "wget --no-check-certificate accepts any certificate, so a download can be replaced in transit.",
        "Remove --no-check-certificate; add a private CA with --ca-certificate or to the image trust store.",
        tags: ["supply-chain", "tls", "cwe-295"]);

    protected override string[] Commands => ["wget"];

    protected override string[] Options => ["--no-check-certificate"];

    protected override string Effect => "skips TLS certificate verification";
}
