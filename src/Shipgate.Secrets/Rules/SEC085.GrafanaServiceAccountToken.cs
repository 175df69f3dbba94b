using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC085: a Grafana service account token (<c>glsa_</c>), checksum-verified.</summary>
public sealed partial class GrafanaServiceAccountToken : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC085",
        Name: "grafana-service-account-token",
        Title: "Grafana service account token",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.High)
    {
        Equivalents = ["gitleaks:grafana-service-account-token"],
        Description = "Detects Grafana service account tokens: glsa_, 32 random characters, an underscore and an 8-hex CRC-32 "
            + "checksum of the rest, which is verified. A token acts as its service account on the Grafana HTTP API, usually "
            + "with Editor or Admin role: it can read data sources (and their stored credentials' use), change dashboards and "
            + "alerting, and query connected databases.",
        Remediation = "Delete the token under Administration > Users and access > Service accounts > the account > Tokens, review the "
            + "Grafana audit log, and create a token with an expiry stored in a secret store.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["glsa_"];

    public override Regex Pattern => Token;

    public override bool IsValid(string secret, Match match) =>
        Checksums.IsValidGrafanaChecksum(secret);

    public override IEnumerable<string> TruePositives()
    {
        yield return "GRAFANA_TOKEN=" + TokenFormats.GrafanaServiceAccountToken();
        yield return "'Authorization': 'Bearer " + TokenFormats.GrafanaServiceAccountToken() + "'";
        yield return "grafana_auth: " + TokenFormats.GrafanaServiceAccountToken();
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "GRAFANA_TOKEN=glsa_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX_AAAAAAAA";
        yield return "GRAFANA_TOKEN=" + TokenFormats.BreakLastCharacter(TokenFormats.GrafanaServiceAccountToken());
        yield return "GRAFANA_TOKEN=glsa_" + TokenFormats.Mixed(32) + "_" + TokenFormats.Hex(8);
        yield return "GRAFANA_TOKEN=${GRAFANA_TOKEN}";
    }

    [GeneratedRegex(
        @"(?<![A-Za-z0-9_])glsa_[A-Za-z0-9]{32}_[a-f0-9]{8}(?![A-Za-z0-9_])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }
}
