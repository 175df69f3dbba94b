using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC043: a Slack app-level token (<c>xapp-</c>).</summary>
public sealed partial class SlackAppLevelToken : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC043",
        Name: "slack-app-level-token",
        Title: "Slack app-level token",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.High)
    {
        Equivalents = ["gitleaks:slack-app-token"],
        Description = "Detects Slack app-level tokens: xapp-, a version digit, the app id, a numeric id and a 64-character hex "
            + "secret. They authorize Socket Mode connections and app-wide APIs, so a leak lets an attacker receive the app's "
            + "events, including message contents, in real time.",
        Remediation = "Revoke the token under the app's Basic Information > App-Level Tokens at https://api.slack.com/apps, create a "
            + "new one, and load it from a secret store.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["xapp-"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 3.0;

    public override IEnumerable<string> TruePositives()
    {
        yield return "SLACK_APP_TOKEN=" + Sample();
        yield return "app_token: \"" + Sample() + "\"";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "SLACK_APP_TOKEN=xapp-1-XXXXXXXXXXX-0000000000000-" + new string('x', 64);
        yield return "SLACK_APP_TOKEN=" + Sample()[..^1];
        yield return "SLACK_APP_TOKEN=xapp-your-app-token";
        yield return "SLACK_APP_TOKEN=${SLACK_APP_TOKEN}";
    }

    private static string Sample() => "xapp-1-A0" + TokenFormats.Random(Samples.UpperAlphaNumericChars, 9) + "-" + TokenFormats.Digits(13) + "-" + TokenFormats.Hex(64);

    [GeneratedRegex(
        @"(?<![A-Za-z0-9_-])xapp-[0-9]-[A-Z0-9]{9,12}-[0-9]{10,16}-[a-f0-9]{64}(?![A-Za-z0-9_-])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }
}
