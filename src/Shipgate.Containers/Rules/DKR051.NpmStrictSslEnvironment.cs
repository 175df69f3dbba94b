using Shipgate.Containers.Dockerfiles;
using Shipgate.Core;

namespace Shipgate.Containers.Rules;

internal sealed class NpmStrictSslEnvironment : EnvironmentToggleRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "DKR051", "npm-strict-ssl-environment", "NPM_CONFIG_STRICT_SSL=false disables certificate checks for npm",
        Severity.High, Confidence.High,
        ["checkov:CKV2_DOCKER_12"],
        "NPM_CONFIG_STRICT_SSL=false makes npm accept any registry certificate, so packages can be swapped in transit.",
        "Remove the variable; configure the registry's CA with NPM_CONFIG_CAFILE or NODE_EXTRA_CA_CERTS.",
        tags: ["supply-chain", "tls", "cwe-295"]);

    protected override string Variable => "NPM_CONFIG_STRICT_SSL";

    protected override string Effect => "turns off certificate verification for npm";

    protected override bool IsUnsafe(string value) => EnvironmentAssignments.IsFalsy(value);
}
