using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Shipgate.Core;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC156: Unencrypted PKCS#8 private keys (<c>BEGIN PRIVATE KEY</c>) of any algorithm.</summary>
public sealed partial class Pkcs8PrivateKey : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC156",
        Name: "pkcs8-private-key",
        Title: "PKCS#8 private key",
        Category: Category.Secrets,
        DefaultSeverity: Severity.Critical,
        Confidence: Confidence.High)
    {
        Equivalents = ["gitleaks:private-key"],
        Description = "Finds unencrypted PKCS#8 private keys (BEGIN PRIVATE KEY), the format of Google service account JSON files, OpenSSL 3 output and most Ed25519 keys, with a base64 DER body. "
            + "The key proves identity for TLS, service accounts, SAML and token signing.",
        Remediation = "Revoke or disable the key where it is trusted (certificate, service account key, IdP), generate a new one outside the repository, and load it from a secret store or KMS at run time.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["BEGIN PRIVATE KEY"];

    public override Regex Pattern => Token;

    public override int WindowBefore => 16384;

    public override int WindowAfter => 16384;

    [GeneratedRegex(
        @"-----BEGIN PRIVATE KEY-----[\s\S]{64,16384}?-----END PRIVATE KEY-----",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }

    /// <summary>Private keys are validated structurally; placeholder words in a random base64 body must not hide a real key.</summary>
    public override bool IsPlaceholder(string secret) => false;

    public override bool IsValid(string secret, Match match) => RsaPrivateKey.TryDecodePemBody(secret, out var der, out var legacyEncrypted) && (legacyEncrypted || der[0] == 0x30);

    public override IEnumerable<string> TruePositives()
    {
        using var rsa = RSA.Create(2048);
        using var ecdsa = ECDsa.Create();
        yield return rsa.ExportPkcs8PrivateKeyPem();
        yield return ecdsa.ExportPkcs8PrivateKeyPem();
        yield return "{\"issuer\": \"build-signer\", \"private_key\": \"" + rsa.ExportPkcs8PrivateKeyPem().Replace("\n", "\\n", StringComparison.Ordinal) + "\\n\"}";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----";
        yield return "-----BEGIN PRIVATE KEY-----\nMIIEpAIBAAKCAQEA...\n-----END PRIVATE KEY-----";
        yield return "-----BEGIN PUBLIC KEY-----\n" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(270)) + "\n-----END PUBLIC KEY-----";
        yield return "-----BEGIN CERTIFICATE-----\n" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(600)) + "\n-----END CERTIFICATE-----";
        yield return "-----BEGIN PRIVATE KEY-----\n{{ .Values.tls.key }}\n-----END PRIVATE KEY-----";

        yield return "-----BEGIN ENCRYPTED PRIVATE KEY-----\n" + Convert.ToBase64String(RsaPrivateKey.DerLike(1200)) + "\n-----END ENCRYPTED PRIVATE KEY-----";
    }
}
