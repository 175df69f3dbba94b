using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC037: a Slack bot user OAuth token (<c>xoxb-</c>).</summary>
public sealed partial class SlackBotToken : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC037",
        Name: "slack-bot-token",
        Title: "Slack bot token",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.High)
    {
        Equivalents = ["gitleaks:slack-bot-token", "gitleaks:slack-legacy-bot-token"],
        Description = "Detects Slack bot user OAuth tokens: xoxb- with the workspace and bot ids and a random secret (and the older "
            + "two-part legacy bot form). A bot token can read and post in every channel the app was added to, read files and "
            + "user profiles, and is a common foothold for phishing inside a workspace.",
        Remediation = "Revoke the token (auth.revoke, or reinstall the app / Revoke Tokens under the app's OAuth & Permissions page), "
            + "enable token rotation, and load the new token from a secret store.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["xoxb-"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 3.0;

    public override IEnumerable<string> TruePositives()
    {
        yield return "SLACK_BOT_TOKEN=xoxb-" + TokenFormats.Digits(12) + "-" + TokenFormats.Digits(13) + "-" + TokenFormats.Mixed(24);
        yield return "\"bot_token\": \"xoxb-" + TokenFormats.Digits(13) + "-" + TokenFormats.Digits(13) + "-" + TokenFormats.Mixed(24) + "\"";
        yield return "slack = WebClient(token='xoxb-" + TokenFormats.Digits(12) + "-" + TokenFormats.Mixed(24) + "')";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "SLACK_BOT_TOKEN=xoxb-xxxxxxxxxxx-xxxxxxxxxxxxx-xxxxxxxxxxxxxxxxxxxxxxxx";
        yield return "SLACK_BOT_TOKEN=xoxb-your-bot-token";
        yield return "token: xoxb-12345-abcd234";
        yield return "SLACK_BOT_TOKEN=xoxb-" + TokenFormats.Digits(12) + "-" + TokenFormats.Digits(13) + "-" + TokenFormats.Mixed(10);
    }

    [GeneratedRegex(
        @"(?<![A-Za-z0-9_-])xoxb-[0-9]{8,14}-(?:[0-9]{8,14}-[A-Za-z0-9]{20,32}|[A-Za-z0-9]{18,26})(?![A-Za-z0-9_-])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }
}
