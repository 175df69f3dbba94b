using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC157: Password-encrypted PKCS#8 private keys (<c>BEGIN ENCRYPTED PRIVATE KEY</c>).</summary>
public sealed partial class EncryptedPkcs8PrivateKey : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC157",
        Name: "encrypted-pkcs8-private-key",
        Title: "Encrypted PKCS#8 private key",
        Category: Category.Secrets,
        DefaultSeverity: Severity.Medium,
        Confidence: Confidence.High)
    {
        Equivalents = ["gitleaks:private-key"],
        Description = "Finds password-encrypted PKCS#8 private keys (BEGIN ENCRYPTED PRIVATE KEY) with a base64 DER body. "
            + "The key is protected only by its passphrase, which can be brute-forced offline and is often stored next to the key.",
        Remediation = "Assume the passphrase may be recovered: rotate the key pair, keep the new key outside the repository, and load key and passphrase from a secret store.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["BEGIN ENCRYPTED PRIVATE KEY"];

    public override Regex Pattern => Token;

    public override int WindowBefore => 16384;

    public override int WindowAfter => 16384;

    [GeneratedRegex(
        @"-----BEGIN ENCRYPTED PRIVATE KEY-----[\s\S]{64,16384}?-----END ENCRYPTED PRIVATE KEY-----",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }

    /// <summary>Private keys are validated structurally; placeholder words in a random base64 body must not hide a real key.</summary>
    public override bool IsPlaceholder(string secret) => false;

    public override bool IsValid(string secret, Match match) => RsaPrivateKey.TryDecodePemBody(secret, out var der, out var legacyEncrypted) && (legacyEncrypted || der[0] == 0x30);

    public override IEnumerable<string> TruePositives()
    {
        using var rsa = RSA.Create(2048);
        var parameters = new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 1000);
        yield return rsa.ExportEncryptedPkcs8PrivateKeyPem(Samples.AlphaNumeric(16), parameters);
        yield return "tls:\n  key: |\n    " + rsa.ExportEncryptedPkcs8PrivateKeyPem(Samples.AlphaNumeric(16), parameters).Replace("\n", "\n    ", StringComparison.Ordinal);
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "-----BEGIN ENCRYPTED PRIVATE KEY-----\n...\n-----END ENCRYPTED PRIVATE KEY-----";
        yield return "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIEpAIBAAKCAQEA...\n-----END ENCRYPTED PRIVATE KEY-----";
        yield return "-----BEGIN PUBLIC KEY-----\n" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(270)) + "\n-----END PUBLIC KEY-----";
        yield return "-----BEGIN CERTIFICATE-----\n" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(600)) + "\n-----END CERTIFICATE-----";
        yield return "-----BEGIN ENCRYPTED PRIVATE KEY-----\n{{ .Values.tls.key }}\n-----END ENCRYPTED PRIVATE KEY-----";
    }
}
