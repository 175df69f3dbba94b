using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC084: a Grafana Cloud access policy token (<c>glc_</c> + base64 JSON).</summary>
public sealed partial class GrafanaCloudApiToken : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC084",
        Name: "grafana-cloud-api-token",
        Title: "Grafana Cloud access policy token",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.High)
    {
        Equivalents = ["gitleaks:grafana-cloud-api-token"],
        Description = "Detects Grafana Cloud access policy tokens and legacy Cloud API keys: glc_ followed by base64-encoded JSON "
            + "claims, which are checked to decode and to carry the key field. Depending on the policy, a token can push or "
            + "read metrics, logs and traces, or manage the Grafana Cloud stack.",
        Remediation = "Delete the token in the Grafana Cloud portal (Administration > Cloud access policies > the policy > Tokens), "
            + "create a narrower policy token with an expiry, and store it in a secret store.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["glc_"];

    public override Regex Pattern => Token;

    public override bool IsValid(string secret, Match match) =>
        Checksums.IsBase64JsonObject(secret.AsSpan(4), "k");

    public override IEnumerable<string> TruePositives()
    {
        yield return "GRAFANA_CLOUD_TOKEN=" + TokenFormats.GrafanaCloudToken();
        yield return "loki:\n  password: " + TokenFormats.GrafanaCloudToken();
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "GRAFANA_CLOUD_TOKEN=glc_" + new string('x', 60);
        yield return "static void GLC_CreateLightmapTextureArray(void);";
        yield return "GRAFANA_CLOUD_TOKEN=glc_eyJ" + TokenFormats.Mixed(60);
        yield return "GRAFANA_CLOUD_TOKEN=${GRAFANA_CLOUD_TOKEN}";
    }

    [GeneratedRegex(
        @"(?<![A-Za-z0-9_])glc_eyJ[A-Za-z0-9+/]{30,600}={0,2}(?![A-Za-z0-9+/=])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }
}
