using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC077: new Relic Insights insert key (<c>NRII-</c>).</summary>
public sealed partial class NewRelicInsertKey : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC077",
        Name: "new-relic-insert-key",
        Title: "New Relic Insights insert key",
        Category: Category.Secrets,
        DefaultSeverity: Severity.Medium,
        Confidence: Confidence.High)
    {
        Equivalents = ["gitleaks:new-relic-insert-key"],
        Description = "Detects New Relic Insights insert keys (NRII- followed by 32 characters). An insert key can write events, "
            + "metrics and logs into the account, so a leak lets others inject or falsify telemetry and consume the ingest "
            + "allowance; it cannot read data.",
        Remediation = "Delete the insert key in New Relic (API keys UI), move ingest to a license key kept in a secret store, and "
            + "check for unexpected data sources.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["nrii-"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 3.0;

    public override IEnumerable<string> TruePositives()
    {
        yield return "NEW_RELIC_API_KEY=NRII-" + TokenFormats.Mixed(32);
        yield return "newrelic:\n  key: \"NRII-" + TokenFormats.Mixed(32) + "\"";
        yield return "curl -H \"Api-Key: NRII-" + TokenFormats.Mixed(32) + "\" https://api.newrelic.com/graphql";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "NEW_RELIC_API_KEY=NRII-" + new string('X', 30);
        yield return "NEW_RELIC_API_KEY=NRII-" + (TokenFormats.Mixed(32))[..^2];
        yield return "id = myNRII-" + TokenFormats.Mixed(32);
        yield return "NEW_RELIC_API_KEY=${NEW_RELIC_API_KEY}";
    }

    [GeneratedRegex(
        @"(?<![A-Za-z0-9_-])NRII-[A-Za-z0-9_-]{32}(?![A-Za-z0-9_-])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }
}
