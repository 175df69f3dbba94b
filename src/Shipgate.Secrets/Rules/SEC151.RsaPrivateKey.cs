using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Shipgate.Core;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC151: PKCS#1 RSA private keys in PEM form, including legacy-encrypted ones and keys with escaped newlines.</summary>
public sealed partial class RsaPrivateKey : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC151",
        Name: "rsa-private-key",
        Title: "RSA private key",
        Category: Category.Secrets,
        DefaultSeverity: Severity.Critical,
        Confidence: Confidence.High)
    {
        Equivalents = ["gitleaks:private-key"],
        Description = "Finds PEM-encoded PKCS#1 RSA private keys (BEGIN RSA PRIVATE KEY) and checks that the body is base64 DER, so truncated documentation examples and templates do not match. "
            + "A private key in a repository lets anyone impersonate the server, sign code or tokens, or log in over SSH wherever the public key is trusted.",
        Remediation = "Treat the key as compromised: revoke the certificate or remove the public key from authorized_keys and identity providers, generate a new key pair outside the repository, and load it from a secret store or mounted file at run time.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["BEGIN RSA PRIVATE KEY"];

    public override Regex Pattern => Token;

    public override int WindowBefore => 16384;

    public override int WindowAfter => 16384;

    [GeneratedRegex(
        @"-----BEGIN RSA PRIVATE KEY-----[\s\S]{64,16384}?-----END RSA PRIVATE KEY-----",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }

    /// <summary>Private keys are validated structurally; placeholder words in a random base64 body must not hide a real key.</summary>
    public override bool IsPlaceholder(string secret) => false;

    public override bool IsValid(string secret, Match match) => RsaPrivateKey.TryDecodePemBody(secret, out var der, out var legacyEncrypted) && (legacyEncrypted || der[0] == 0x30);

    /// <summary>
    /// Reads the base64 body of a PEM block between its BEGIN and END lines. Accepts real newlines, escaped
    /// <c>\n</c> sequences (keys inside JSON or .env values) and RFC 1421 header lines; reports whether the block
    /// uses legacy OpenSSL encryption (<c>Proc-Type: 4,ENCRYPTED</c>), whose body is ciphertext rather than DER.
    /// </summary>
    internal static bool TryDecodePemBody(string block, out byte[] der, out bool legacyEncrypted)
    {
        der = [];
        legacyEncrypted = false;
        var start = block.IndexOf("-----", 5, StringComparison.Ordinal);
        var end = block.LastIndexOf("-----END", StringComparison.Ordinal);
        if (start < 0 || end <= start)
        {
            return false;
        }

        var body = block[(start + 5)..end].Replace("\\r", "\n", StringComparison.Ordinal).Replace("\\n", "\n", StringComparison.Ordinal);
        var base64 = new System.Text.StringBuilder(body.Length);
        foreach (var rawLine in body.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.Contains(':', StringComparison.Ordinal))
            {
                legacyEncrypted |= line.StartsWith("Proc-Type:", StringComparison.OrdinalIgnoreCase) && line.Contains("ENCRYPTED", StringComparison.OrdinalIgnoreCase);
                continue;
            }

            foreach (var c in line)
            {
                if (!char.IsWhiteSpace(c))
                {
                    base64.Append(c);
                }
            }
        }

        if (base64.Length < 64)
        {
            return false;
        }

        var buffer = new byte[base64.Length];
        if (!Convert.TryFromBase64String(base64.ToString(), buffer, out var written) || written < 32)
        {
            return false;
        }

        der = buffer[..written];
        return true;
    }

    /// <summary>Wraps <paramref name="bytes"/> in a PEM block with the given label and line width, as key tools write it.</summary>
    internal static string Pem(string label, byte[] bytes, int width = 64)
    {
        var base64 = Convert.ToBase64String(bytes);
        var builder = new System.Text.StringBuilder("-----BEGIN " + label + "-----\n");
        for (var i = 0; i < base64.Length; i += width)
        {
            builder.Append(base64.AsSpan(i, Math.Min(width, base64.Length - i))).Append('\n');
        }

        return builder.Append("-----END " + label + "-----").ToString();
    }

    /// <summary>A DER-looking body: a SEQUENCE header followed by random bytes.</summary>
    internal static byte[] DerLike(int length)
    {
        var bytes = RandomNumberGenerator.GetBytes(length);
        bytes[0] = 0x30;
        bytes[1] = 0x82;
        bytes[2] = (byte)((length - 4) >> 8);
        bytes[3] = (byte)((length - 4) & 0xFF);
        return bytes;
    }

    public override IEnumerable<string> TruePositives()
    {
        using var rsa = RSA.Create(2048);
        yield return rsa.ExportRSAPrivateKeyPem();
        yield return "{\"private_key\": \"" + rsa.ExportRSAPrivateKeyPem().Replace("\n", "\\n", StringComparison.Ordinal) + "\\n\"}";
        yield return "deploy_key: |\n  " + rsa.ExportRSAPrivateKeyPem().Replace("\n", "\n  ", StringComparison.Ordinal);
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----";
        yield return "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA...\n-----END RSA PRIVATE KEY-----";
        yield return "-----BEGIN PUBLIC KEY-----\n" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(270)) + "\n-----END PUBLIC KEY-----";
        yield return "-----BEGIN CERTIFICATE-----\n" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(600)) + "\n-----END CERTIFICATE-----";
        yield return "-----BEGIN RSA PRIVATE KEY-----\n{{ .Values.tls.key }}\n-----END RSA PRIVATE KEY-----";

        yield return "-----BEGIN RSA PRIVATE KEY-----\n" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(600)).Replace('A', '.') + "\n-----END RSA PRIVATE KEY-----";
        yield return "-----BEGIN RSA PUBLIC KEY-----\n" + Convert.ToBase64String(DerLike(270)) + "\n-----END RSA PUBLIC KEY-----";
    }
}
