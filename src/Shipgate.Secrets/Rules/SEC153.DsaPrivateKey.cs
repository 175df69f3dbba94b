using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Shipgate.Core;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC153: OpenSSL DSA private keys in PEM form.</summary>
public sealed partial class DsaPrivateKey : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC153",
        Name: "dsa-private-key",
        Title: "DSA private key",
        Category: Category.Secrets,
        DefaultSeverity: Severity.Critical,
        Confidence: Confidence.High)
    {
        Equivalents = ["gitleaks:private-key"],
        Description = "Finds PEM-encoded DSA private keys (BEGIN DSA PRIVATE KEY) with a base64 DER body. "
            + "DSA keys are obsolete but still found in old SSH and code-signing setups, where they grant the same impersonation power as any private key.",
        Remediation = "Remove the matching public key from every system that trusts it, replace DSA with Ed25519 or ECDSA keys generated outside the repository, and store keys in a secret store.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["BEGIN DSA PRIVATE KEY"];

    public override Regex Pattern => Token;

    public override int WindowBefore => 16384;

    public override int WindowAfter => 16384;

    [GeneratedRegex(
        @"-----BEGIN DSA PRIVATE KEY-----[\s\S]{64,16384}?-----END DSA PRIVATE KEY-----",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }

    /// <summary>Private keys are validated structurally; placeholder words in a random base64 body must not hide a real key.</summary>
    public override bool IsPlaceholder(string secret) => false;

    public override bool IsValid(string secret, Match match) => RsaPrivateKey.TryDecodePemBody(secret, out var der, out var legacyEncrypted) && (legacyEncrypted || der[0] == 0x30);

    public override IEnumerable<string> TruePositives()
    {
        yield return RsaPrivateKey.Pem("DSA PRIVATE KEY", RsaPrivateKey.DerLike(446));
        yield return "key: \"" + RsaPrivateKey.Pem("DSA PRIVATE KEY", RsaPrivateKey.DerLike(446)).Replace("\n", "\\n", StringComparison.Ordinal) + "\"";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "-----BEGIN DSA PRIVATE KEY-----\n...\n-----END DSA PRIVATE KEY-----";
        yield return "-----BEGIN DSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA...\n-----END DSA PRIVATE KEY-----";
        yield return "-----BEGIN PUBLIC KEY-----\n" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(270)) + "\n-----END PUBLIC KEY-----";
        yield return "-----BEGIN CERTIFICATE-----\n" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(600)) + "\n-----END CERTIFICATE-----";
        yield return "-----BEGIN DSA PRIVATE KEY-----\n{{ .Values.tls.key }}\n-----END DSA PRIVATE KEY-----";
    }
}
