using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC040: a Slack legacy or session token (<c>xoxs-</c>, <c>xoxo-</c>).</summary>
public sealed partial class SlackLegacyToken : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC040",
        Name: "slack-legacy-token",
        Title: "Slack legacy token",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.High)
    {
        Equivalents = ["gitleaks:slack-legacy-token"],
        Description = "Detects Slack legacy test tokens and session tokens (xoxs-, xoxo-) made of three numeric ids and a hex secret. "
            + "These tokens carry the full rights of the user who created them, with no scopes, and were commonly pasted into "
            + "scripts before Slack retired them.",
        Remediation = "Revoke the token (auth.revoke, or sign the user out of all sessions for xoxs session tokens), remove the "
            + "scripts that depend on it, and replace them with a scoped Slack app token kept in a secret store.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["xoxs-", "xoxo-"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 3.0;

    public override IEnumerable<string> TruePositives()
    {
        yield return "\"access_token\": \"xoxs-" + TokenFormats.Digits(10) + "-" + TokenFormats.Digits(10) + "-" + TokenFormats.Digits(10) + "-" + TokenFormats.Hex(10) + "\"";
        yield return "SLACK_LEGACY_TOKEN=xoxo-" + TokenFormats.Digits(12) + "-" + TokenFormats.Digits(12) + "-" + TokenFormats.Digits(12) + "-" + TokenFormats.Hex(64);
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "https://indieweb.org/images/3/35/2018-250-xoxo-indieweb-1.jpg";
        yield return "token = xoxs-0000000000-0000000000-0000000000-0000000000";
        yield return "SLACK_LEGACY_TOKEN=xoxs-<token>";
        yield return "see xoxs-" + TokenFormats.Digits(10) + "-" + TokenFormats.Digits(10) + "-x";
    }

    [GeneratedRegex(
        @"(?<![A-Za-z0-9_-])xox[os]-[0-9]{6,14}-[0-9]{6,14}-[0-9]{6,14}-[a-f0-9]{10,64}(?![A-Za-z0-9_-])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }
}
