using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC016: a signed Power Automate / Logic Apps HTTP trigger URL, which is what Teams "Workflows" webhooks are.</summary>
public sealed partial class PowerAutomateWorkflowUrl : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC016",
        Name: "power-automate-workflow-url",
        Title: "Power Automate or Logic Apps workflow trigger URL",
        Category: Category.Secrets,
        DefaultSeverity: Severity.Medium,
        Confidence: Confidence.High)
    {
        Description = "Detects HTTP trigger URLs of Azure Logic Apps and Power Automate flows (…logic.azure.com/workflows/<id>/triggers/"
            + "…/paths/invoke?…&sig=…, or the environment.api.powerplatform.com form), which is also what Microsoft Teams "
            + "Workflows webhooks are. The sig parameter is a SAS signature: anyone with the URL can run the flow, post into "
            + "Teams channels or drive whatever the flow automates.",
        Remediation = "Regenerate the trigger's access keys (Logic app > Access keys, or re-save the flow's trigger to get a new URL), "
            + "store the URL in your CI secret store, and restrict who may trigger the flow where the platform allows it.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["logic.azure.com", "powerplatform.com"];

    public override Regex Pattern => Token;

    public override bool IsValid(string secret, Match match) => Checksums.DecodedLength(Uri.UnescapeDataString(match.Groups["sig"].Value)) == 32;

    public override IEnumerable<string> TruePositives()
    {
        yield return "TEAMS_WORKFLOW_URL=https://prod-27.westus.logic.azure.com:443/workflows/" + TokenFormats.Hex(32)
            + "/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=" + TokenFormats.Base64UrlOfBytes(32);
        yield return "url: \"https://" + TokenFormats.Hex(32) + ".0a.environment.api.powerplatform.com:443/powerautomate/automations/direct/workflows/"
            + TokenFormats.Hex(32) + "/triggers/manual/paths/invoke?api-version=1&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig="
            + TokenFormats.Base64UrlOfBytes(32) + "\"";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "https://prod-27.westus.logic.azure.com:443/workflows/" + TokenFormats.Hex(32) + "/triggers/manual/paths/invoke?api-version=2016-06-01";
        yield return "https://prod-27.westus.logic.azure.com/workflows/" + TokenFormats.Hex(32)
            + "/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=<signature>";
        yield return "TEAMS_WORKFLOW_URL=${{ secrets.TEAMS_WORKFLOW_URL }}";
        yield return "https://prod-27.westus.logic.azure.com/workflows/" + TokenFormats.Hex(32)
            + "/triggers/manual/paths/invoke?sv=1.0&sig=" + TokenFormats.Base64UrlOfBytes(20);
    }

    [GeneratedRegex(
        @"https://[A-Za-z0-9.-]{1,120}\.(?:logic\.azure\.com(?::443)?/workflows/[0-9a-f]{32}|environment\.api\.powerplatform\.com(?::443)?/powerautomate/automations/direct/workflows/[0-9a-f]{32})/triggers/[A-Za-z0-9_-]{1,64}/paths/invoke/?\?[^\s""'<>]{0,300}?(?<=[?&])sig=(?<sig>[A-Za-z0-9_%-]{40,64})(?![A-Za-z0-9_%-])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }
}
