using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC066: digitalOcean personal access token (<c>dop_v1_</c> + 64 hex).</summary>
public sealed partial class DigitalOceanPersonalAccessToken : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC066",
        Name: "digitalocean-personal-access-token",
        Title: "DigitalOcean personal access token",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.High)
    {
        Equivalents = ["gitleaks:digitalocean-pat"],
        Description = "Detects DigitalOcean personal access tokens (dop_v1_ followed by 64 hex characters). A token with write scope "
            + "can create and destroy Droplets, databases, Spaces keys and DNS records in the team, and read Kubernetes "
            + "credentials.",
        Remediation = "Delete the token in the DigitalOcean control panel (API > Tokens), review the team's security history, create "
            + "a token with custom scopes and an expiry, and store it in a secret store.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["dop_v1_"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 3.0;

    public override IEnumerable<string> TruePositives()
    {
        yield return "DIGITALOCEAN_ACCESS_TOKEN=dop_v1_" + TokenFormats.Hex(64);
        yield return "doctl auth init --access-token dop_v1_" + TokenFormats.Hex(64);
        yield return "provider \"digitalocean\" {\n  token = \"dop_v1_" + TokenFormats.Hex(64) + "\"\n}";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "DIGITALOCEAN_ACCESS_TOKEN=dop_v1_" + new string('0', 64);
        yield return "DIGITALOCEAN_ACCESS_TOKEN=dop_v1_" + TokenFormats.Hex(63);
        yield return "id = mydop_v1_" + TokenFormats.Hex(64);
        yield return "DIGITALOCEAN_ACCESS_TOKEN=${DIGITALOCEAN_ACCESS_TOKEN}";
    }

    [GeneratedRegex(
        @"(?<![A-Za-z0-9_])dop_v1_[a-f0-9]{64}(?![A-Za-z0-9_])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }
}
