using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC064: a Heroku API key in the prefixed format (<c>HRKU-</c>).</summary>
public sealed partial class HerokuApiKey : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC064",
        Name: "heroku-api-key",
        Title: "Heroku API key",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.High)
    {
        Equivalents = ["gitleaks:heroku-api-key-v2"],
        Description = "Detects Heroku API keys and OAuth authorizations in the prefixed format introduced in 2024 (HRKU-AA followed "
            + "by 58 characters, or HRKU- with a UUID). A Heroku API key acts as the user on the Platform API: it can deploy "
            + "code, read config vars (and the secrets in them) and scale or delete apps in every team the user belongs to.",
        Remediation = "Revoke the key (heroku authorizations:revoke, or regenerate the API key under Account settings), review the "
            + "account's apps and config vars, and load the new key from a secret store; prefer short-lived OAuth "
            + "authorizations for CI.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["hrku-"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 3.5;

    public override IEnumerable<string> TruePositives()
    {
        yield return "HEROKU_API_KEY=HRKU-AA" + TokenFormats.Mixed(58);
        yield return "machine api.heroku.com\n  login ci@acme.io\n  password HRKU-AA" + TokenFormats.Mixed(58);
        yield return "heroku_token: HRKU-" + Guid.NewGuid();
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "HEROKU_API_KEY=HRKU-AA" + new string('x', 58);
        yield return "HEROKU_API_KEY=HRKU-AA" + TokenFormats.Mixed(50);
        yield return "HEROKU_API_KEY=${HEROKU_API_KEY}";
        yield return "id = myHRKU-AA" + TokenFormats.Mixed(58);
    }

    [GeneratedRegex(
        @"(?<![A-Za-z0-9_-])HRKU-(?:AA[A-Za-z0-9_-]{58}|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})(?![A-Za-z0-9_-])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }
}
