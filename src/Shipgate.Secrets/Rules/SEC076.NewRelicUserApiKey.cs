using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC076: new Relic user API key (<c>NRAK-</c>).</summary>
public sealed partial class NewRelicUserApiKey : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC076",
        Name: "new-relic-user-api-key",
        Title: "New Relic user API key",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.High)
    {
        Equivalents = ["gitleaks:new-relic-user-api-key"],
        Description = "Detects New Relic user API keys (NRAK- followed by 27 characters), which authenticate NerdGraph and REST API "
            + "calls as a specific user. A user key can query all telemetry the user can see (logs often contain secrets and "
            + "personal data) and change alerts, dashboards and account settings within the user's role.",
        Remediation = "Delete the key in New Relic (API keys UI, or the apiAccessDeleteKeys mutation), create a new one for a "
            + "dedicated service user where possible, and store it in a secret store.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["nrak-"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 3.0;

    public override IEnumerable<string> TruePositives()
    {
        yield return "NEW_RELIC_API_KEY=NRAK-" + TokenFormats.Random(Samples.UpperAlphaNumericChars, 27);
        yield return "newrelic:\n  key: \"NRAK-" + TokenFormats.Random(Samples.UpperAlphaNumericChars, 27) + "\"";
        yield return "curl -H \"Api-Key: NRAK-" + TokenFormats.Random(Samples.UpperAlphaNumericChars, 27) + "\" https://api.newrelic.com/graphql";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "NEW_RELIC_API_KEY=NRAK-" + new string('X', 30);
        yield return "NEW_RELIC_API_KEY=NRAK-" + (TokenFormats.Random(Samples.UpperAlphaNumericChars, 27))[..^2];
        yield return "id = myNRAK-" + TokenFormats.Random(Samples.UpperAlphaNumericChars, 27);
        yield return "NEW_RELIC_API_KEY=${NEW_RELIC_API_KEY}";
    }

    [GeneratedRegex(
        @"(?<![A-Za-z0-9_-])NRAK-[A-Z0-9]{27}(?![A-Za-z0-9_-])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }
}
