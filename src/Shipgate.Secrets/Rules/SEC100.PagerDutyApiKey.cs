using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC100: PagerDuty REST API keys and user tokens (20 characters) next to a PagerDuty label or in a <c>Token token=</c> header.</summary>
public sealed partial class PagerDutyApiKey : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC100",
        Name: "pagerduty-api-key",
        Title: "PagerDuty REST API key",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.Medium)
    {
        Equivalents = [],
        Description = "Finds PagerDuty REST API keys and user API tokens: a 20-character value assigned to a PagerDuty-named variable, or sent in a `Token token=` authorization header. "
            + "A REST API key can read every incident, on-call schedule and service, and a full-access key can acknowledge, resolve or silence the alerts that page engineers.",
        Remediation = "Delete the key under Integrations > API Access Keys (or the user's API tokens) in PagerDuty, create a read-only key if possible, and inject it from a secret store instead of source.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["pagerduty", "pager_duty", "token token="];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 3.0;

    [GeneratedRegex(
        @"(?:(?i:pager[_.-]?duty)[\w.-]{0,30}?[""']?\s{0,3}(?::=|=>|=|:)\s{0,3}[""'`]?|Token token=)(?<secret>(?:u\+)?[A-Za-z0-9_+-]{20})(?![A-Za-z0-9_+=@.-])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }

    public override bool IsPlaceholder(string secret) => Placeholders.IsVariableReference(secret);

    public override bool IsValid(string secret, Match match)
    {
        var classes = (secret.Any(char.IsUpper) ? 1 : 0) + (secret.Any(char.IsLower) ? 1 : 0) + (secret.Any(char.IsDigit) ? 1 : 0);
        return classes >= 2;
    }

    private static string Key() => Samples.From(Samples.Base64UrlChars, 17) + Samples.From(Samples.Digits, 1) + Samples.From(Samples.Upper, 1) + Samples.From(Samples.Lower, 1);

    public override IEnumerable<string> TruePositives()
    {
        yield return "PAGERDUTY_API_KEY=" + Key();
        yield return "curl -H \"Authorization: Token token=" + Key() + "\" https://api.pagerduty.com/incidents";
        yield return "pagerduty_token: \"u+" + Key()[2..] + "\"";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "PAGERDUTY_API_KEY=${PAGERDUTY_API_KEY}";
        yield return "pagerduty_service_id: PABC123";
        yield return "pagerduty_token: " + Samples.Hex(32);
        yield return "PAGERDUTY_FROM=incident-notification@example.com";
    }
}
