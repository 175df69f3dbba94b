using Shipgate.Core;

namespace Shipgate.Containers.Rules;

internal sealed class GitSslNoVerify : EnvironmentToggleRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "DKR053", "git-ssl-no-verify", "GIT_SSL_NO_VERIFY disables certificate checks for git",
        Severity.High, Confidence.High,
        ["checkov:CKV2_DOCKER_14"],
        "git skips TLS certificate verification whenever GIT_SSL_NO_VERIFY is set, whatever its value, so cloned sources can be replaced in transit.",
        "Remove the variable; add the server's CA to the image trust store or set http.sslCAInfo.",
        tags: ["supply-chain", "tls", "cwe-295"]);

    protected override string Variable => "GIT_SSL_NO_VERIFY";

    protected override string Effect => "turns off TLS certificate verification for git";

    protected override bool IsUnsafe(string value) => true;
}
