using Shipgate.Core;

namespace Shipgate.Containers.Rules;

internal sealed class PythonHttpsVerifyDisabled : EnvironmentToggleRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "DKR044", "python-https-verify-disabled", "PYTHONHTTPSVERIFY=0 disables certificate checks in Python",
        Severity.High, Confidence.High,
        ["checkov:CKV2_DOCKER_5"],
        "PYTHONHTTPSVERIFY=0 makes Python's standard library skip TLS certificate verification, so HTTPS connections from the image can be intercepted.",
        "Remove the variable; install the needed CA certificate into the image's trust store instead.",
        tags: ["tls", "cwe-295"]);

    protected override string Variable => "PYTHONHTTPSVERIFY";

    protected override string Effect => "turns off TLS certificate verification in Python";

    protected override bool IsUnsafe(string value) => value.Trim('"', '\'') == "0";
}
