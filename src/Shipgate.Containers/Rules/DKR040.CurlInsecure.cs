using Shipgate.Core;

namespace Shipgate.Containers.Rules;

internal sealed class CurlInsecure : CommandOptionRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "DKR040", "curl-insecure", "curl runs with certificate checks disabled",
        Severity.High, Confidence.High,
        ["checkov:CKV2_DOCKER_2"],
        "curl -k / --insecure accepts any certificate, so whatever an attacker on the network path serves is downloaded into the image.",
        "Remove -k/--insecure; if the server uses a private CA, add it to the image trust store or pass --cacert.",
        tags: ["supply-chain", "tls", "cwe-295"]);

    protected override string[] Commands => ["curl"];

    protected override string[] Options => ["-k", "--insecure"];

    protected override string Effect => "skips TLS certificate verification";
}
