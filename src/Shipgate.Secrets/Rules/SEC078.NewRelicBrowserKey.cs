using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC078: new Relic browser ingest key (<c>NRJS-</c>).</summary>
public sealed partial class NewRelicBrowserKey : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC078",
        Name: "new-relic-browser-key",
        Title: "New Relic browser ingest key",
        Category: Category.Secrets,
        DefaultSeverity: Severity.Low,
        Confidence: Confidence.High)
    {
        Equivalents = ["gitleaks:new-relic-browser-api-token"],
        Description = "Detects New Relic browser ingest keys (NRJS- followed by 19 hex characters). These keys are embedded in the "
            + "page snippet of browser monitoring and are visible to every visitor by design; outside a browser snippet they "
            + "still allow writing browser telemetry into the account.",
        Remediation = "No rotation is needed for a key that is only used in the browser agent snippet; if it appears elsewhere, "
            + "delete it in New Relic (API keys UI) and create a new browser key, and suppress findings in the snippet "
            + "itself.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["nrjs-"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 2.5;

    public override IEnumerable<string> TruePositives()
    {
        yield return "NEW_RELIC_API_KEY=NRJS-" + TokenFormats.Hex(19);
        yield return "newrelic:\n  key: \"NRJS-" + TokenFormats.Hex(19) + "\"";
        yield return "curl -H \"Api-Key: NRJS-" + TokenFormats.Hex(19) + "\" https://api.newrelic.com/graphql";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "NEW_RELIC_API_KEY=NRJS-" + new string('X', 30);
        yield return "NEW_RELIC_API_KEY=NRJS-" + (TokenFormats.Hex(19))[..^2];
        yield return "id = myNRJS-" + TokenFormats.Hex(19);
        yield return "NEW_RELIC_API_KEY=${NEW_RELIC_API_KEY}";
    }

    [GeneratedRegex(
        @"(?<![A-Za-z0-9_-])NRJS-[a-f0-9]{19}(?![A-Za-z0-9_-])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }
}
