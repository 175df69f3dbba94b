using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC038: a Slack user OAuth token (<c>xoxp-</c>).</summary>
public sealed partial class SlackUserToken : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC038",
        Name: "slack-user-token",
        Title: "Slack user token",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.High)
    {
        Equivalents = ["gitleaks:slack-user-token"],
        Description = "Detects Slack user OAuth tokens: xoxp- followed by three numeric ids and a 32-character hex secret. A user "
            + "token acts as the person who installed the app, so it can read their direct messages and private channels and "
            + "post as them, within the scopes granted.",
        Remediation = "Revoke the token with auth.revoke or by removing the app authorization for that user, then have the app "
            + "request a new token and keep it in a secret store; enable token rotation where possible.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["xoxp-"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 3.0;

    public override IEnumerable<string> TruePositives()
    {
        yield return "SLACK_USER_TOKEN=" + Sample();
        yield return "\"user_token\": \"" + Sample() + "\"";
        yield return "curl -H 'Authorization: Bearer " + Sample() + "' https://slack.com/api/conversations.list";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "\"token\": \"xoxp-1234-1234-1234-4ddbc191d40ee098cbaae6f3523ada2d\"";
        yield return "\"token\": \"xoxp-XXXXXXXXXX-XXXXXXXXXX-XXXXXXXXXXX-XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX\"";
        yield return "SLACK_USER_TOKEN=" + Sample()[..^1];
        yield return "SLACK_USER_TOKEN=<xoxp-token>";
    }

    private static string Sample() => "xoxp-" + TokenFormats.Digits(12) + "-" + TokenFormats.Digits(12) + "-" + TokenFormats.Digits(13) + "-" + TokenFormats.Hex(32);

    [GeneratedRegex(
        @"(?<![A-Za-z0-9_-])xoxp-[0-9]{8,14}-[0-9]{8,14}-[0-9]{8,14}-[a-f0-9]{32}(?![A-Za-z0-9_-])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }
}
