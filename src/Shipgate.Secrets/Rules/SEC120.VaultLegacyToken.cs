using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC120: Pre-1.10 Vault service tokens (<c>s.</c> + 24 alphanumerics) assigned to a Vault-named setting or the X-Vault-Token header.</summary>
public sealed partial class VaultLegacyToken : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC120",
        Name: "vault-legacy-token",
        Title: "HashiCorp Vault legacy token near a Vault label",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.Medium)
    {
        Equivalents = ["gitleaks:vault-service-token"],
        Description = "Finds Vault service tokens in the legacy format used before Vault 1.10 (s. "
            + "followed by 24 alphanumerics), when they are assigned to a Vault-named variable, sent as X-Vault-Token, or passed to `vault login`. "
            + "The short format is too generic to report without that context.",
        Remediation = "Revoke the token, check the audit log, and replace stored tokens with short-lived tokens from an auth method (OIDC/JWT, Kubernetes, AppRole).",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["vault"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 3.3;

    [GeneratedRegex(
        @"(?:(?i:vault)[\w.-]{0,30}?[""']?\s{0,3}(?::=|=>|=|:)\s{0,3}[""'`]?|(?i:vault[ \t]+login)[ \t]+(?:-\S+[ \t]+){0,3})(?<secret>s\.[A-Za-z0-9]{24})(?![A-Za-z0-9])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }

    public override bool IsPlaceholder(string secret) => Placeholders.IsVariableReference(secret);

    public override bool IsValid(string secret, Match match) => secret.Any(char.IsAsciiLetterUpper) && secret.Any(char.IsAsciiLetterLower);

    public override IEnumerable<string> TruePositives()
    {
        yield return "export VAULT_TOKEN=s." + GenericSecretAssignment.SampleValue(24);
        yield return "curl -H \"X-Vault-Token: s." + GenericSecretAssignment.SampleValue(24) + "\" $VAULT_ADDR/v1/sys/health";
        yield return "vault login s." + GenericSecretAssignment.SampleValue(24);
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "export VAULT_TOKEN=s.xxxxxxxxxxxxxxxxxxxxxxxx";
        yield return "vault_addr: https://vault.corp.local:8200";
        yield return "VAULT_TOKEN=s." + Samples.From(Samples.Lower, 24);
        yield return "token = s." + Samples.Mixed(24);
    }
}
