using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC086: a legacy Grafana API key (base64 JSON beginning <c>eyJrIjoi</c>).</summary>
public sealed partial class GrafanaApiKey : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC086",
        Name: "grafana-api-key",
        Title: "Grafana API key (legacy)",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.High)
    {
        Equivalents = ["gitleaks:grafana-api-key"],
        Description = "Detects legacy Grafana API keys, base64-encoded JSON of the form {\"k\":...,\"n\":...,\"id\":...} that begins "
            + "eyJrIjoi; the payload is decoded and checked. Grafana migrated API keys to service accounts in 2025, but old "
            + "keys remain in configuration and history, and any still valid key acts with its Viewer, Editor or Admin role.",
        Remediation = "Delete the key (or the service account it was migrated to) in Grafana under Administration > Service accounts, "
            + "replace it with a service account token with an expiry, and keep that in a secret store.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["eyjrijoi"];

    public override Regex Pattern => Token;

    public override bool IsValid(string secret, Match match) =>
        Checksums.IsBase64JsonObject(secret, "k", "n", "id");

    public override IEnumerable<string> TruePositives()
    {
        yield return "GRAFANA_API_KEY=" + TokenFormats.GrafanaLegacyApiKey();
        yield return "curl -H \"Authorization: Bearer " + TokenFormats.GrafanaLegacyApiKey() + "\" https://grafana.acme.io/api/dashboards/db";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "GRAFANA_API_KEY=eyJrIjoi" + TokenFormats.Mixed(70);
        yield return "GRAFANA_API_KEY=eyJrIjoi" + new string('x', 60);
        yield return "GRAFANA_API_KEY=${GRAFANA_API_KEY}";
        yield return "GRAFANA_API_KEY=eyJrIjoi<rest-of-key>";
    }

    [GeneratedRegex(
        @"(?<![A-Za-z0-9+/])eyJrIjoi[A-Za-z0-9+/]{40,400}={0,2}(?![A-Za-z0-9+/=])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }
}
