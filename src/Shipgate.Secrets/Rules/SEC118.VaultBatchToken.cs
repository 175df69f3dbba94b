using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC118: HashiCorp Vault batch tokens, <c>hvb.</c> + a long base64url blob.</summary>
public sealed partial class VaultBatchToken : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC118",
        Name: "vault-batch-token",
        Title: "HashiCorp Vault batch token",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.High)
    {
        Equivalents = ["gitleaks:vault-batch-token"],
        Description = "Finds HashiCorp Vault batch tokens (hvb.), the encrypted blobs Vault issues for high-volume workloads. "
            + "A batch token cannot be revoked individually before its TTL ends, so a leaked one stays usable until it expires.",
        Remediation = "Revoke the parent token or disable the issuing auth role so no new tokens are minted, shorten batch token TTLs, and stop persisting tokens in files or source.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["hvb."];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 4.0;

    [GeneratedRegex(
        @"(?<![A-Za-z0-9_.-])hvb\.[A-Za-z0-9_-]{100,400}(?![A-Za-z0-9_-])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }

    public override bool IsPlaceholder(string secret) => Placeholders.IsVariableReference(secret);

    public override IEnumerable<string> TruePositives()
    {
        yield return "VAULT_TOKEN=hvb.AAAAAQ" + Samples.Base64Url(140);
        yield return "token: 'hvb." + Samples.Base64Url(180) + "'";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "VAULT_TOKEN=hvb.${BATCH_TOKEN}";
        yield return "VAULT_TOKEN=hvb." + Samples.Base64Url(40);
        yield return "VAULT_TOKEN=hvb." + new string('A', 150);
    }
}
