using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC015: a Microsoft Teams incoming webhook URL (Office 365 connector).</summary>
public sealed partial class MicrosoftTeamsWebhook : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC015",
        Name: "microsoft-teams-webhook",
        Title: "Microsoft Teams incoming webhook URL",
        Category: Category.Secrets,
        DefaultSeverity: Severity.Medium,
        Confidence: Confidence.High)
    {
        Equivalents = ["gitleaks:microsoft-teams-webhook"],
        Description = "Detects Microsoft Teams incoming webhook URLs created by Office 365 connectors "
            + "(https://<tenant>.webhook.office.com/webhookb2/<group>@<tenant>/IncomingWebhook/<id>/<owner>, and the older "
            + "outlook.office.com/webhook form). The URL is the only credential: anyone who has it can post messages, including "
            + "convincing phishing cards, into the channel.",
        Remediation = "Remove the Incoming Webhook connector from the channel (Manage channel > Connectors) or recreate it to get a new "
            + "URL, keep the URL in your CI secret store, and plan the move to Workflows webhooks as Microsoft retires connectors.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["webhook.office.com", "outlook.office.com/webhook", "outlook.office365.com/webhook"];

    public override Regex Pattern => Token;

    public override bool IsValid(string secret, Match match) => match.Groups["id"].Value.Distinct().Count() >= 8;

    public override IEnumerable<string> TruePositives()
    {
        yield return "TEAMS_WEBHOOK_URL=" + Url("contoso");
        yield return "curl -H 'Content-Type: application/json' -d '{\"text\":\"deployed\"}' \"" + Url("fabrikam") + "\"";
        yield return "  webhook: " + Url("contoso") + "/V2" + TokenFormats.Base64UrlOfBytes(30);
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "TEAMS_WEBHOOK_URL: ${{ secrets.TEAMS_WEBHOOK_URL }}";
        yield return "https://contoso.webhook.office.com/webhookb2/<group-id>@<tenant-id>/IncomingWebhook/<id>/<owner-id>";
        yield return "https://contoso.webhook.office.com/webhookb2/" + Guid.NewGuid() + "@" + Guid.NewGuid() + "/IncomingWebhook/"
            + new string('0', 32) + "/" + Guid.NewGuid();
        yield return "see https://learn.microsoft.com/microsoftteams/platform/webhooks-and-connectors/how-to/add-incoming-webhook";
    }

    private static string Url(string tenant) =>
        "https://" + tenant + ".webhook.office.com/webhookb2/" + Guid.NewGuid() + "@" + Guid.NewGuid() + "/IncomingWebhook/"
        + TokenFormats.Hex(32) + "/" + Guid.NewGuid();

    [GeneratedRegex(
        @"https://(?:[A-Za-z0-9-]{1,63}\.webhook\.office\.com/webhookb2|outlook\.office(?:365)?\.com/webhook)/[0-9a-fA-F]{8}(?:-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}@[0-9a-fA-F]{8}(?:-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}/IncomingWebhook/(?<id>[0-9a-fA-F]{32})/[0-9a-fA-F]{8}(?:-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}(?:/V2[A-Za-z0-9_-]{20,80})?",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }
}
