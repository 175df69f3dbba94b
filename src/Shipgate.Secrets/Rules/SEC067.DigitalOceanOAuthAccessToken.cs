using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC067: digitalOcean OAuth access token (<c>doo_v1_</c> + 64 hex).</summary>
public sealed partial class DigitalOceanOAuthAccessToken : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC067",
        Name: "digitalocean-oauth-access-token",
        Title: "DigitalOcean OAuth access token",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.High)
    {
        Equivalents = ["gitleaks:digitalocean-access-token"],
        Description = "Detects DigitalOcean OAuth access tokens (doo_v1_ followed by 64 hex characters), issued to third-party "
            + "applications. Until it expires the token has the API access the user granted the application, usually read and "
            + "write on the team's resources.",
        Remediation = "Revoke the application's access in the DigitalOcean control panel (API > OAuth Applications / Authorized "
            + "applications) or call the revoke endpoint, and keep OAuth tokens server-side in a secret store.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["doo_v1_"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 3.0;

    public override IEnumerable<string> TruePositives()
    {
        yield return "DIGITALOCEAN_ACCESS_TOKEN=doo_v1_" + TokenFormats.Hex(64);
        yield return "doctl auth init --access-token doo_v1_" + TokenFormats.Hex(64);
        yield return "provider \"digitalocean\" {\n  token = \"doo_v1_" + TokenFormats.Hex(64) + "\"\n}";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "DIGITALOCEAN_ACCESS_TOKEN=doo_v1_" + new string('0', 64);
        yield return "DIGITALOCEAN_ACCESS_TOKEN=doo_v1_" + TokenFormats.Hex(63);
        yield return "id = mydoo_v1_" + TokenFormats.Hex(64);
        yield return "DIGITALOCEAN_ACCESS_TOKEN=${DIGITALOCEAN_ACCESS_TOKEN}";
    }

    [GeneratedRegex(
        @"(?<![A-Za-z0-9_])doo_v1_[a-f0-9]{64}(?![A-Za-z0-9_])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }
}
