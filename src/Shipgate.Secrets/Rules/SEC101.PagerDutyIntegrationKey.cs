using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC101: PagerDuty Events API v2 routing (integration) keys in PagerDuty or Alertmanager configuration.</summary>
public sealed partial class PagerDutyIntegrationKey : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC101",
        Name: "pagerduty-integration-key",
        Title: "PagerDuty Events API integration key",
        Category: Category.Secrets,
        DefaultSeverity: Severity.Medium,
        Confidence: Confidence.Medium)
    {
        Equivalents = [],
        Description = "Finds PagerDuty Events API v2 integration (routing) keys, 32 hexadecimal characters, in PagerDuty-related configuration such as Alertmanager's pagerduty_configs. "
            + "Anyone with the key can open and resolve incidents on the service, paging on-call engineers at will or closing real alerts.",
        Remediation = "Regenerate the integration key on the PagerDuty service (Integrations tab), and load it from a file or secret store, for example Alertmanager's routing_key_file.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["pagerduty"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 3.0;

    [GeneratedRegex(
        @"(?i:pager[_.-]?duty[\w.-]{0,30}?|routing[_.-]?key|service[_.-]?key|integration[_.-]?key)[""']?\s{0,3}(?::=|=>|=|:)\s{0,3}[""'`]?(?<secret>[a-f0-9]{32}|R0[A-Z0-9]{30})(?![A-Za-z0-9])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }

    public override bool IsPlaceholder(string secret) => Placeholders.IsVariableReference(secret);

    public override IEnumerable<string> TruePositives()
    {
        yield return "pagerduty_configs:\n  - routing_key: " + Samples.Hex(32);
        yield return "PAGERDUTY_INTEGRATION_KEY=\"" + Samples.Hex(32) + "\"";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "pagerduty_configs:\n  - routing_key: <secret>";
        yield return "pagerduty_configs:\n  - routing_key_file: /etc/alertmanager/pagerduty_key";
        yield return "PAGERDUTY_INTEGRATION_KEY=" + new string('0', 32);
        yield return "pagerduty:\n  routing_key: ${PD_ROUTING_KEY}";
    }
}
