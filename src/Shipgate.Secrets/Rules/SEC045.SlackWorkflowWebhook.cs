using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC045: a Slack Workflow Builder webhook trigger URL (<c>hooks.slack.com/workflows/…</c>, <c>/triggers/…</c>).</summary>
public sealed partial class SlackWorkflowWebhook : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC045",
        Name: "slack-workflow-webhook",
        Title: "Slack workflow webhook URL",
        Category: Category.Secrets,
        DefaultSeverity: Severity.Medium,
        Confidence: Confidence.High)
    {
        Equivalents = ["gitleaks:slack-webhook-url"],
        Description = "Detects Slack Workflow Builder webhook URLs (https://hooks.slack.com/workflows/... and the newer /triggers/... "
            + "form). Anyone with the URL can start the workflow with arbitrary input variables, which typically post "
            + "messages, open tickets or call other connected steps.",
        Remediation = "Delete and re-create the webhook trigger in Workflow Builder to get a new URL, and store it in your CI secret "
            + "store instead of source.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["hooks.slack.com/workflows", "hooks.slack.com/triggers"];

    public override Regex Pattern => Token;

    public override bool IsValid(string secret, Match match) =>
        Entropy.Shannon(secret.AsSpan(secret.LastIndexOf('/') + 1)) >= 3.0;

    public override IEnumerable<string> TruePositives()
    {
        yield return "SLACK_WORKFLOW_URL=https://hooks.slack.com/triggers/T0" + TokenFormats.Random(Samples.UpperAlphaNumericChars, 8) + "/" + TokenFormats.Digits(13) + "/" + TokenFormats.Hex(32);
        yield return "url: https://hooks.slack.com/workflows/T0" + TokenFormats.Random(Samples.UpperAlphaNumericChars, 8) + "/A0" + TokenFormats.Random(Samples.UpperAlphaNumericChars, 9) + "/" + TokenFormats.Digits(18) + "/" + TokenFormats.Mixed(24);
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "https://hooks.slack.com/triggers/T00000000/0000000000000/" + new string('0', 32);
        yield return "https://hooks.slack.com/workflows/<team>/<app>/<id>/<secret>";
        yield return "SLACK_WORKFLOW_URL=${SLACK_WORKFLOW_URL}";
        yield return "https://hooks.slack.com/triggers/T0ABCDEFGH/" + TokenFormats.Digits(13);
    }

    [GeneratedRegex(
        @"https://hooks\.slack\.com/(?:workflows|triggers)/T[A-Z0-9]{8,12}/(?:A[A-Z0-9]{8,12}/)?[0-9]{8,20}/[A-Za-z0-9]{20,40}(?![A-Za-z0-9])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }
}
