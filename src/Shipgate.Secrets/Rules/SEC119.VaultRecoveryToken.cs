using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC119: HashiCorp Vault recovery tokens (<c>hvr.</c>), issued for recovery-mode operations.</summary>
public sealed partial class VaultRecoveryToken : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC119",
        Name: "vault-recovery-token",
        Title: "HashiCorp Vault recovery token",
        Category: Category.Secrets,
        DefaultSeverity: Severity.Critical,
        Confidence: Confidence.High)
    {
        Equivalents = [],
        Description = "Finds HashiCorp Vault recovery tokens (hvr.), which are generated in recovery mode to operate on Vault's raw storage. "
            + "A recovery token can read and change any data in the storage backend, bypassing policies.",
        Remediation = "Leave recovery mode and revoke the recovery token, then review storage changes made while it existed; generate recovery tokens only during an incident and never store them.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["hvr."];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 3.3;

    [GeneratedRegex(
        @"(?<![A-Za-z0-9_.-])hvr\.[A-Za-z0-9_-]{24,120}(?![A-Za-z0-9_-])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }

    public override bool IsPlaceholder(string secret) => Placeholders.IsVariableReference(secret);

    public override IEnumerable<string> TruePositives()
    {
        yield return "VAULT_TOKEN=hvr." + Samples.AlphaNumeric(24);
        yield return "recovery_token = \"hvr." + Samples.Base64Url(90) + "\"";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "recovery_token = \"hvr.<token>\"";
        yield return "recovery_token = \"hvr." + Samples.AlphaNumeric(8) + "\"";
        yield return "recovery_token = \"hvr." + new string('z', 30) + "\"";
    }
}
