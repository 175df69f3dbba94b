using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC068: digitalOcean OAuth refresh token (<c>dor_v1_</c> + 64 hex).</summary>
public sealed partial class DigitalOceanOAuthRefreshToken : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC068",
        Name: "digitalocean-oauth-refresh-token",
        Title: "DigitalOcean OAuth refresh token",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.High)
    {
        Equivalents = ["gitleaks:digitalocean-refresh-token"],
        Description = "Detects DigitalOcean OAuth refresh tokens (dor_v1_ followed by 64 hex characters). A refresh token mints new "
            + "access tokens for the authorized application, so a leak gives lasting access to the user's team resources.",
        Remediation = "Revoke the application's authorization in the DigitalOcean control panel (which invalidates its refresh "
            + "tokens) and keep refresh tokens only in server-side secret storage.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["dor_v1_"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 3.0;

    public override IEnumerable<string> TruePositives()
    {
        yield return "DIGITALOCEAN_ACCESS_TOKEN=dor_v1_" + TokenFormats.Hex(64);
        yield return "doctl auth init --access-token dor_v1_" + TokenFormats.Hex(64);
        yield return "provider \"digitalocean\" {\n  token = \"dor_v1_" + TokenFormats.Hex(64) + "\"\n}";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "DIGITALOCEAN_ACCESS_TOKEN=dor_v1_" + new string('0', 64);
        yield return "DIGITALOCEAN_ACCESS_TOKEN=dor_v1_" + TokenFormats.Hex(63);
        yield return "id = mydor_v1_" + TokenFormats.Hex(64);
        yield return "DIGITALOCEAN_ACCESS_TOKEN=${DIGITALOCEAN_ACCESS_TOKEN}";
    }

    [GeneratedRegex(
        @"(?<![A-Za-z0-9_])dor_v1_[a-f0-9]{64}(?![A-Za-z0-9_])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }
}
