using System.Text.RegularExpressions;
using Shipgate.Core;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC065: a legacy Heroku API key (a UUID) assigned to a Heroku key name or in a Heroku .netrc entry.</summary>
public sealed partial class HerokuLegacyApiKey : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC065",
        Name: "heroku-legacy-api-key",
        Title: "Heroku API key (legacy UUID format)",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.Medium)
    {
        Equivalents = ["gitleaks:heroku-api-key"],
        Description = "Detects legacy Heroku API keys, plain UUIDs, when they are assigned to a Heroku API key, token or password "
            + "setting or stored as the password of api.heroku.com in .netrc. UUIDs are everywhere, so the Heroku context is "
            + "required. The key acts as the user on the Platform API, including reading config vars and deploying.",
        Remediation = "Regenerate the API key under Heroku Account settings (or revoke the authorization with heroku "
            + "authorizations:revoke), review the apps it could reach, and keep the replacement in a secret store.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["heroku"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 3.0;

    public override IEnumerable<string> TruePositives()
    {
        yield return "HEROKU_API_KEY=" + Guid.NewGuid();
        yield return "heroku_api_key = \"" + Guid.NewGuid() + "\"";
        yield return "machine api.heroku.com\n  login ci@acme.io\n  password " + Guid.NewGuid();
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "HEROKU_APP_ID=" + Guid.NewGuid();
        yield return "HEROKU_API_KEY=12345678-ABCD-ABCD-ABCD-1234567890AB";
        yield return "HEROKU_API_KEY=${HEROKU_API_KEY}";
        yield return "heroku_api_key = \"00000000-0000-0000-0000-000000000000\"";
    }

    [GeneratedRegex(
        """(?i:heroku[\w.-]{0,20}?(?:api[_.-]?)?(?:key|token|auth|password|secret))\w{0,5}["']?\s*(?:[:=]|=>)\s*["']?(?<secret>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![0-9A-Za-z-])|api\.heroku\.com\s+login\s+\S{1,100}\s+password\s+(?<secret>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![0-9A-Za-z-])""",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }
}
