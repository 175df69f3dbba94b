using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC083: an unprefixed Sentry auth token (64 hex) assigned to a Sentry token name.</summary>
public sealed partial class SentryLegacyAuthToken : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC083",
        Name: "sentry-legacy-auth-token",
        Title: "Sentry auth token (legacy format)",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.Medium)
    {
        Equivalents = ["gitleaks:sentry-access-token"],
        Description = "Detects Sentry auth tokens in the unprefixed format used before 2023 (64 hex characters) when they follow the "
            + "word Sentry and a token or key name, as in SENTRY_AUTH_TOKEN or a .sentryclirc [auth] section. The format has "
            + "no prefix, so context is required. The token acts as its owner on the Sentry API within its scopes.",
        Remediation = "Revoke the token in Sentry (User settings > Personal Tokens, or the integration's tokens), create a prefixed "
            + "organization token for CI, and keep it in a secret store.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["sentry"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 3.0;

    public override IEnumerable<string> TruePositives()
    {
        yield return "SENTRY_AUTH_TOKEN=" + TokenFormats.Hex(64);
        yield return "# ~/.sentryclirc\n[auth]\ntoken=" + TokenFormats.Hex(64);
        yield return "sentry_token: \"" + TokenFormats.Hex(64) + "\"";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "SENTRY_AUTH_TOKEN=${SENTRY_AUTH_TOKEN}";
        yield return "SENTRY_AUTH_TOKEN=sntryu_" + TokenFormats.Hex(64);
        yield return "sentry-cli releases new " + TokenFormats.Hex(64);
        yield return "SENTRY_DSN=https://" + TokenFormats.Hex(32) + "@o12345.ingest.sentry.io/678";
    }

    [GeneratedRegex(
        """(?i:sentry)[\s\S]{0,60}?(?i:token|key)\w{0,5}["']?\s*(?:[:=]|=>)\s*["']?(?<secret>[a-f0-9]{64})(?![A-Za-z0-9])""",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }
}
