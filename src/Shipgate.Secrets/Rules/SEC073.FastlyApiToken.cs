using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC073: a Fastly API token (32 characters) assigned to a Fastly token name or sent as <c>Fastly-Key</c>.</summary>
public sealed partial class FastlyApiToken : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC073",
        Name: "fastly-api-token",
        Title: "Fastly API token",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.Medium)
    {
        Equivalents = ["gitleaks:fastly-api-token"],
        Description = "Detects Fastly API tokens, 32 URL-safe characters, assigned to a Fastly token or key name (FASTLY_API_TOKEN, "
            + "fastly_api_key) or sent in a Fastly-Key header. A global-scope token can change service configurations, VCL "
            + "and TLS settings, or purge all content for the services it can reach.",
        Remediation = "Delete the token in the Fastly control panel (Account > API tokens) or with the tokens API, review the "
            + "account's event log, and issue a token with limited scope, services and expiry, stored in a secret store.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["fastly"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 3.5;

    public override bool IsValid(string secret, Match match) =>
        TokenFormats.HasMixedCase(secret);

    public override IEnumerable<string> TruePositives()
    {
        yield return "FASTLY_API_TOKEN=" + TokenFormats.Mixed(32);
        yield return "curl -H \"Fastly-Key: " + TokenFormats.Mixed(32) + "\" https://api.fastly.com/service";
        yield return "fastly_api_key = \"" + TokenFormats.Mixed(32) + "\"";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "FASTLY_API_TOKEN=${FASTLY_API_TOKEN}";
        yield return "FASTLY_SERVICE_ID=" + TokenFormats.Mixed(32);
        yield return "FASTLY_API_TOKEN=" + TokenFormats.Hex(32);
        yield return "FASTLY_API_TOKEN=" + TokenFormats.Mixed(31);
    }

    [GeneratedRegex(
        """(?i:fastly)[\s\S]{0,60}?(?i:token|key)\w{0,5}["']?\s*(?:[:=]|=>)\s*["']?(?<secret>[A-Za-z0-9_-]{32})(?![A-Za-z0-9_-])""",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }
}
