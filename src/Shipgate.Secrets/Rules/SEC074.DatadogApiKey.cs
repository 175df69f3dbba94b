using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC074: a Datadog API key (32 hex) assigned to a Datadog API key name or sent as <c>DD-API-KEY</c>.</summary>
public sealed partial class DatadogApiKey : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC074",
        Name: "datadog-api-key",
        Title: "Datadog API key",
        Category: Category.Secrets,
        DefaultSeverity: Severity.Medium,
        Confidence: Confidence.Medium)
    {
        Description = "Detects Datadog API keys, 32 hex characters, assigned to DD_API_KEY, datadog apiKey settings or sent in a "
            + "DD-API-KEY header. An API key submits metrics, logs and events to the organization, so it can flood or falsify "
            + "monitoring data and run up ingestion costs; paired with an application key it also reads data.",
        Remediation = "Revoke the key in Datadog (Organization settings > API keys), deploy a new key to agents from a secret store "
            + "or Kubernetes Secret, and review usage for unexpected sources.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["datadog", "dd_api_key", "dd-api-key", "ddapikey"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 3.0;

    public override IEnumerable<string> TruePositives()
    {
        yield return "DD_API_KEY=" + TokenFormats.Hex(32);
        yield return "curl -H \"DD-API-KEY: " + TokenFormats.Hex(32) + "\" https://api.datadoghq.com/api/v1/validate";
        yield return "datadog:\n  apiKey: " + TokenFormats.Hex(32);
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "DD_API_KEY=${DD_API_KEY}";
        yield return "DD_API_KEY=" + TokenFormats.Hex(31);
        yield return "datadog:\n  apiKeyExistingSecret: datadog-secret";
        yield return "DD_API_KEY=" + new string('0', 32);
    }

    [GeneratedRegex(
        """(?i:(?:dd|datadog)[_.-]?api[_.-]?key|dd-api-key)\w{0,5}["']?\s*(?:[:=]|=>)\s*["']?(?<secret>[a-f0-9]{32})(?![A-Za-z0-9])|(?i:datadog)[\s\S]{0,80}?(?i:api[_.-]?key)\w{0,5}["']?\s*(?:[:=]|=>)\s*["']?(?<secret>[a-f0-9]{32})(?![A-Za-z0-9])""",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }
}
