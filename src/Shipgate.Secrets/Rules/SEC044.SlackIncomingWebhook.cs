using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC044: a Slack incoming webhook URL (<c>hooks.slack.com/services/T…/B…/…</c>).</summary>
public sealed partial class SlackIncomingWebhook : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC044",
        Name: "slack-incoming-webhook",
        Title: "Slack incoming webhook URL",
        Category: Category.Secrets,
        DefaultSeverity: Severity.Medium,
        Confidence: Confidence.High)
    {
        Equivalents = ["gitleaks:slack-webhook-url"],
        Description = "Detects Slack incoming webhook URLs (https://hooks.slack.com/services/T<team>/B<bot>/<24-character secret>). "
            + "The URL is its own credential: anyone holding it can post messages, including links and formatted phishing "
            + "content, into the channel it was created for.",
        Remediation = "Remove the webhook (the app's Incoming Webhooks page, or remove the legacy Incoming WebHooks integration), "
            + "create a new URL, and store it in your CI secret store or secret manager.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["hooks.slack.com"];

    public override Regex Pattern => Token;

    public override bool IsValid(string secret, Match match) =>
        TokenFormats.HasMixedCase(secret.AsSpan(secret.LastIndexOf('/') + 1));

    public override IEnumerable<string> TruePositives()
    {
        yield return "SLACK_WEBHOOK_URL=" + Sample();
        yield return "curl -X POST -H 'Content-type: application/json' --data '{\"text\":\"deployed\"}' " + Sample();
        yield return "  webhook_url: \"" + Sample() + "\"";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX";
        yield return "https://hooks.slack.com/services/<team>/<bot>/<secret>";
        yield return "SLACK_WEBHOOK_URL: ${{ secrets.SLACK_WEBHOOK_URL }}";
        yield return "https://hooks.slack.com/services/T0ABCD1234/B0ABCD12345/" + TokenFormats.Random(Samples.LowerHex, 24);
    }

    private static string Sample() => "https://hooks.slack.com/services/T0" + TokenFormats.Random(Samples.UpperAlphaNumericChars, 8) + "/B0" + TokenFormats.Random(Samples.UpperAlphaNumericChars, 9) + "/" + TokenFormats.Mixed(24);

    [GeneratedRegex(
        @"https://hooks\.slack\.com/services/T[A-Z0-9]{8,12}/B[A-Z0-9]{8,12}/[A-Za-z0-9]{24}(?![A-Za-z0-9])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }
}
