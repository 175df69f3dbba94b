using Shipgate.Core;

namespace Shipgate.Containers.Rules;

internal sealed class AptAllowUnauthenticated : CommandOptionRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "DKR047", "apt-allow-unauthenticated", "apt-get installs unauthenticated packages",
        Severity.High, Confidence.High,
        ["checkov:CKV2_DOCKER_8"],
        "apt-get --allow-unauthenticated installs packages that fail signature checks, so a tampered mirror or man-in-the-middle can plant packages.",
        "Remove the option; import the repository key (signed-by=) so packages verify.",
        tags: ["supply-chain", "cwe-347"]);

    protected override string[] Commands => ["apt-get", "apt"];

    protected override string[] Options => ["--allow-unauthenticated", "--allow-insecure-repositories"];

    protected override string Effect => "accepts packages that fail signature verification";
}
