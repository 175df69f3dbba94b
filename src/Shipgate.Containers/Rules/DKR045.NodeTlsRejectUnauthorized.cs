using Shipgate.Core;

namespace Shipgate.Containers.Rules;

internal sealed class NodeTlsRejectUnauthorized : EnvironmentToggleRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "DKR045", "node-tls-reject-unauthorized", "NODE_TLS_REJECT_UNAUTHORIZED=0 disables certificate checks in Node.js",
        Severity.High, Confidence.High,
        ["checkov:CKV2_DOCKER_6"],
        "NODE_TLS_REJECT_UNAUTHORIZED=0 makes every HTTPS request from Node.js (npm included) accept any certificate, so traffic can be intercepted and packages replaced.",
        "Remove the variable; add the CA with NODE_EXTRA_CA_CERTS if a private certificate authority is in use.",
        tags: ["tls", "cwe-295"]);

    protected override string Variable => "NODE_TLS_REJECT_UNAUTHORIZED";

    protected override string Effect => "turns off TLS certificate verification in Node.js";

    protected override bool IsUnsafe(string value) => value.Trim('"', '\'') == "0";
}
