using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC080: a New Relic license key (40 characters ending in <c>NRAL</c>).</summary>
public sealed partial class NewRelicLicenseKey : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC080",
        Name: "new-relic-license-key",
        Title: "New Relic license (ingest) key",
        Category: Category.Secrets,
        DefaultSeverity: Severity.Medium,
        Confidence: Confidence.High)
    {
        Description = "Detects New Relic license keys, also called ingest keys: 36 hex characters (or eu01xx and 30 hex in the EU "
            + "region) ending in NRAL. Agents use them to report data, so a leak lets anyone write telemetry into the "
            + "account, poisoning dashboards and alerts and consuming ingest; they cannot read data.",
        Remediation = "Create a new license key in New Relic (API keys UI), roll it out to agents from a secret store or Kubernetes "
            + "Secret, then delete the leaked key.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["nral"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 3.0;

    public override IEnumerable<string> TruePositives()
    {
        yield return "NEW_RELIC_LICENSE_KEY=" + TokenFormats.Hex(36) + "NRAL";
        yield return "license_key: eu01xx" + TokenFormats.Hex(30) + "NRAL";
        yield return "newrelic.config.license_key = '" + TokenFormats.Hex(36) + "NRAL'";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "NEW_RELIC_LICENSE_KEY=" + new string('0', 36) + "NRAL";
        yield return "NEW_RELIC_LICENSE_KEY=" + TokenFormats.Hex(35) + "NRAL";
        yield return "NEW_RELIC_LICENSE_KEY=<license>NRAL";
        yield return "NEW_RELIC_LICENSE_KEY=${NEW_RELIC_LICENSE_KEY}";
    }

    // Anchored on the fixed suffix, so the search is a vectorised IndexOf; the look-behind re-reads the whole key into "secret".
    [GeneratedRegex(
        @"NRAL(?![A-Za-z0-9])(?<=(?<![A-Za-z0-9])(?<secret>(?:eu01xx[a-f0-9]{30}|[a-f0-9]{36})NRAL))",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }
}
