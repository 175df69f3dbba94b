using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Shipgate.Core;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC152: SEC 1 elliptic-curve private keys in PEM form.</summary>
public sealed partial class EcPrivateKey : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC152",
        Name: "ec-private-key",
        Title: "EC private key",
        Category: Category.Secrets,
        DefaultSeverity: Severity.Critical,
        Confidence: Confidence.High)
    {
        Equivalents = ["gitleaks:private-key"],
        Description = "Finds PEM-encoded SEC 1 elliptic-curve private keys (BEGIN EC PRIVATE KEY) with a base64 DER body. "
            + "EC keys sign TLS handshakes, JWTs (ES256) and code; whoever has the key can impersonate the signer.",
        Remediation = "Revoke the certificate or the trust in the public key, generate a new key pair outside the repository, and load it from a secret store or KMS at run time.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["BEGIN EC PRIVATE KEY"];

    public override Regex Pattern => Token;

    public override int WindowBefore => 16384;

    public override int WindowAfter => 16384;

    [GeneratedRegex(
        @"-----BEGIN EC PRIVATE KEY-----[\s\S]{64,16384}?-----END EC PRIVATE KEY-----",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }

    /// <summary>Private keys are validated structurally; placeholder words in a random base64 body must not hide a real key.</summary>
    public override bool IsPlaceholder(string secret) => false;

    public override bool IsValid(string secret, Match match) => RsaPrivateKey.TryDecodePemBody(secret, out var der, out var legacyEncrypted) && (legacyEncrypted || der[0] == 0x30);

    public override IEnumerable<string> TruePositives()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        yield return ecdsa.ExportECPrivateKeyPem();
        yield return "SIGNING_KEY=\"" + ecdsa.ExportECPrivateKeyPem().Replace("\n", "\\n", StringComparison.Ordinal) + "\"";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "-----BEGIN EC PRIVATE KEY-----\n...\n-----END EC PRIVATE KEY-----";
        yield return "-----BEGIN EC PRIVATE KEY-----\nMIIEpAIBAAKCAQEA...\n-----END EC PRIVATE KEY-----";
        yield return "-----BEGIN PUBLIC KEY-----\n" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(270)) + "\n-----END PUBLIC KEY-----";
        yield return "-----BEGIN CERTIFICATE-----\n" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(600)) + "\n-----END CERTIFICATE-----";
        yield return "-----BEGIN EC PRIVATE KEY-----\n{{ .Values.tls.key }}\n-----END EC PRIVATE KEY-----";

        yield return "-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----";
    }
}
