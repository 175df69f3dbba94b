using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC082: a Sentry user auth token (<c>sntryu_</c> + 64 hex).</summary>
public sealed partial class SentryUserToken : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC082",
        Name: "sentry-user-token",
        Title: "Sentry user auth token",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.High)
    {
        Equivalents = ["gitleaks:sentry-user-token"],
        Description = "Detects Sentry user auth tokens (sntryu_ followed by 64 hex characters). A user token acts as its owner on the "
            + "Sentry API within its scopes, across every organization the user belongs to: it can read issues and events "
            + "(which may contain personal data and secrets) and change project settings.",
        Remediation = "Revoke the token in Sentry (User settings > Personal Tokens), create an organization token for automation "
            + "instead, and store it as a CI secret.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["sntryu_"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 3.0;

    public override IEnumerable<string> TruePositives()
    {
        yield return "SENTRY_AUTH_TOKEN=sntryu_" + TokenFormats.Hex(64);
        yield return "[auth]\ntoken=sntryu_" + TokenFormats.Hex(64);
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "SENTRY_AUTH_TOKEN=sntryu_" + new string('0', 64);
        yield return "SENTRY_AUTH_TOKEN=sntryu_" + TokenFormats.Hex(63);
        yield return "id = mysntryu_" + TokenFormats.Hex(64);
        yield return "SENTRY_AUTH_TOKEN=${SENTRY_AUTH_TOKEN}";
    }

    [GeneratedRegex(
        @"(?<![A-Za-z0-9_])sntryu_[a-f0-9]{64}(?![A-Za-z0-9_])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }
}
