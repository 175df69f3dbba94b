using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC075: a Datadog application key (40 hex) assigned to a Datadog app key name or sent as <c>DD-APPLICATION-KEY</c>.</summary>
public sealed partial class DatadogApplicationKey : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC075",
        Name: "datadog-application-key",
        Title: "Datadog application key",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.Medium)
    {
        Equivalents = ["gitleaks:datadog-access-token"],
        Description = "Detects Datadog application keys, 40 hex characters, assigned to DD_APP_KEY or datadog appKey settings or sent "
            + "in a DD-APPLICATION-KEY header. Together with an API key it calls the Datadog API with the permissions of the "
            + "user or service account that owns it, which commonly includes reading logs (and secrets in them) and changing "
            + "monitors and dashboards.",
        Remediation = "Revoke the key in Datadog (Organization settings > Application keys, or the owner's personal settings), create "
            + "a scoped key owned by a service account, and load it from a secret store.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["datadog", "dd_app", "dd-app", "ddapp"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 3.0;

    public override IEnumerable<string> TruePositives()
    {
        yield return "DD_APP_KEY=" + TokenFormats.Hex(40);
        yield return "curl -H \"DD-APPLICATION-KEY: " + TokenFormats.Hex(40) + "\" https://api.datadoghq.com/api/v1/monitor";
        yield return "datadog:\n  appKey: \"" + TokenFormats.Hex(40) + "\"";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "DD_APP_KEY=${DD_APP_KEY}";
        yield return "DD_APP_KEY=" + TokenFormats.Hex(39);
        yield return "datadog:\n  appKeyExistingSecret: datadog-secret";
        yield return "DD_APP_KEY=" + new string('0', 40);
    }

    [GeneratedRegex(
        """(?i:(?:dd|datadog)[_.-]?app(?:lication)?[_.-]?key|dd-application-key)\w{0,5}["']?\s*(?:[:=]|=>)\s*["']?(?<secret>[a-f0-9]{40})(?![A-Za-z0-9])|(?i:datadog)[\s\S]{0,80}?(?i:app(?:lication)?[_.-]?key)\w{0,5}["']?\s*(?:[:=]|=>)\s*["']?(?<secret>[a-f0-9]{40})(?![A-Za-z0-9])""",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }
}
