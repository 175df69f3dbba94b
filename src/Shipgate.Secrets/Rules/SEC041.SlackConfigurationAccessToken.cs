using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC041: a Slack app configuration access token (<c>xoxe.xoxp-</c>, <c>xoxe.xoxb-</c>).</summary>
public sealed partial class SlackConfigurationAccessToken : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC041",
        Name: "slack-configuration-access-token",
        Title: "Slack app configuration access token",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.High)
    {
        Equivalents = ["gitleaks:slack-config-access-token"],
        Description = "Detects Slack app configuration access tokens (xoxe.xoxp-1- or xoxe.xoxb-1- followed by about 160 characters), "
            + "which the App Manifest API uses to create, update and delete Slack apps. A leaked token lets an attacker "
            + "change an app's scopes, redirect URLs and event endpoints for up to 12 hours.",
        Remediation = "Revoke the token with tooling.tokens.rotate or from https://api.slack.com/apps (Your App Configuration Tokens "
            + "> Revoke), review recent manifest changes, and generate configuration tokens only when needed.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["xoxe.xoxb-", "xoxe.xoxp-"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 4.0;

    public override IEnumerable<string> TruePositives()
    {
        yield return "SLACK_CONFIG_TOKEN=xoxe.xoxp-1-" + Body();
        yield return "\"access_token\": \"xoxe.xoxb-1-" + Body() + "\"";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "SLACK_CONFIG_TOKEN=xoxe.xoxp-1-initial";
        yield return "SLACK_CONFIG_TOKEN=xoxe.xoxp-1-SlackAppConfigurationAccessTokenHere";
        yield return "SLACK_CONFIG_TOKEN=xoxe.xoxp-1-" + new string('x', 160);
        yield return "SLACK_CONFIG_TOKEN=xoxe.xoxp-1-" + Body()[..100];
    }

    private static string Body() =>
        Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes("2-2-" + TokenFormats.Digits(12) + "-" + TokenFormats.Digits(13) + "-"
            + TokenFormats.Digits(13) + "-" + TokenFormats.Digits(13) + "-" + TokenFormats.Hex(64))).TrimEnd('=');

    [GeneratedRegex(
        @"(?<![A-Za-z0-9_-])xoxe\.xox[bp]-[0-9]-[A-Za-z0-9]{140,200}(?![A-Za-z0-9_-])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }
}
