using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC079: new Relic admin API key (<c>NRAA-</c>).</summary>
public sealed partial class NewRelicAdminApiKey : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC079",
        Name: "new-relic-admin-api-key",
        Title: "New Relic admin API key",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.Medium)
    {
        Description = "Detects New Relic admin API keys (NRAA- followed by 27 characters), a legacy key type for account-management "
            + "REST endpoints. An admin key can change alert policies, synthetics monitors and other account configuration.",
        Remediation = "Delete the key in New Relic (API keys UI), replace its uses with a user API key of a least-privileged user, "
            + "and keep that key in a secret store.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["nraa-"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 3.0;

    public override IEnumerable<string> TruePositives()
    {
        yield return "NEW_RELIC_API_KEY=NRAA-" + TokenFormats.Mixed(27);
        yield return "newrelic:\n  key: \"NRAA-" + TokenFormats.Mixed(27) + "\"";
        yield return "curl -H \"Api-Key: NRAA-" + TokenFormats.Mixed(27) + "\" https://api.newrelic.com/graphql";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "NEW_RELIC_API_KEY=NRAA-" + new string('X', 30);
        yield return "NEW_RELIC_API_KEY=NRAA-" + (TokenFormats.Mixed(27))[..^2];
        yield return "id = myNRAA-" + TokenFormats.Mixed(27);
        yield return "NEW_RELIC_API_KEY=${NEW_RELIC_API_KEY}";
    }

    [GeneratedRegex(
        @"(?<![A-Za-z0-9_-])NRAA-[A-Za-z0-9]{27}(?![A-Za-z0-9_-])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }
}
