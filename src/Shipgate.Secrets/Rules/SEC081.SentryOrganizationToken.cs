using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC081: a Sentry organization auth token (<c>sntrys_</c> + base64 JSON claims + secret).</summary>
public sealed partial class SentryOrganizationToken : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC081",
        Name: "sentry-organization-token",
        Title: "Sentry organization auth token",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.High)
    {
        Equivalents = ["gitleaks:sentry-org-token"],
        Description = "Detects Sentry organization auth tokens: sntrys_, base64-encoded JSON claims (checked to decode and to name "
            + "the organization) and a 43-character secret. These tokens are typically used to upload source maps and create "
            + "releases in CI, and can also read organization data within their scopes.",
        Remediation = "Revoke the token in Sentry (Settings > Developer Settings > Organization Tokens), create a new one, and store "
            + "it as a CI secret (for example SENTRY_AUTH_TOKEN) rather than in build configuration.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["sntrys_"];

    public override Regex Pattern => Token;

    public override bool IsValid(string secret, Match match) =>
        Checksums.IsBase64JsonObject(secret.AsSpan(7, secret.LastIndexOf('_') - 7), "iat", "org");

    public override IEnumerable<string> TruePositives()
    {
        yield return "SENTRY_AUTH_TOKEN=" + TokenFormats.SentryOrgToken();
        yield return "sentry:\n  authToken: \"" + TokenFormats.SentryOrgToken() + "\"";
        yield return "npx @sentry/cli sourcemaps upload --auth-token " + TokenFormats.SentryOrgToken() + " ./dist";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "SENTRY_AUTH_TOKEN=sntrys_" + new string('x', 80);
        yield return "SENTRY_AUTH_TOKEN=sntrys_eyJ" + TokenFormats.Mixed(60) + "_" + TokenFormats.Mixed(43);
        yield return "SENTRY_AUTH_TOKEN=${SENTRY_AUTH_TOKEN}";
        yield return "SENTRY_AUTH_TOKEN=sntrys_<token>";
    }

    [GeneratedRegex(
        @"(?<![A-Za-z0-9_])sntrys_eyJ[A-Za-z0-9+/]{20,600}={0,2}_[A-Za-z0-9+/]{43}(?![A-Za-z0-9+/=_])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }
}
