using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC117: HashiCorp Vault service tokens in the current format, <c>hvs.</c> + base62/base64url.</summary>
public sealed partial class VaultServiceToken : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC117",
        Name: "vault-service-token",
        Title: "HashiCorp Vault service token",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.High)
    {
        Equivalents = ["gitleaks:vault-service-token"],
        Description = "Finds HashiCorp Vault service tokens in the hvs. "
            + "format introduced in Vault 1.10. "
            + "A service token reads and writes whatever secrets its policies allow, often the credentials of every other system; a root or orphan token is the keys to the kingdom.",
        Remediation = "Revoke the token (`vault token revoke <token>` or by accessor), audit its use in the Vault audit log, and authenticate workloads with a short-lived method such as JWT/OIDC, AppRole or Kubernetes auth instead of a stored token.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["hvs."];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 3.3;

    [GeneratedRegex(
        @"(?<![A-Za-z0-9_.-])hvs\.[A-Za-z0-9_-]{24,120}(?![A-Za-z0-9_-])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }

    public override bool IsPlaceholder(string secret) => Placeholders.IsVariableReference(secret);

    public override IEnumerable<string> TruePositives()
    {
        yield return "export VAULT_TOKEN=hvs." + Samples.AlphaNumeric(24);
        yield return "vault_token: \"hvs.CAESI" + Samples.Base64Url(86) + "\"";
        yield return "curl -H \"X-Vault-Token: hvs." + Samples.AlphaNumeric(90) + "\" https://vault.corp.local:8200/v1/secret/data/app";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "export VAULT_TOKEN=${VAULT_TOKEN}";
        yield return "export VAULT_TOKEN=hvs.xxxxxxxxxxxxxxxxxxxxxxxx";
        yield return "export VAULT_TOKEN=hvs." + Samples.AlphaNumeric(10);
    }
}
