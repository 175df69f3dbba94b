using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Shipgate.Core;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC155: ASCII-armored OpenPGP secret keys; the first packet must be a secret-key packet and the CRC-24 line, when present, must match.</summary>
public sealed partial class PgpPrivateKeyBlock : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC155",
        Name: "pgp-private-key-block",
        Title: "PGP private key block",
        Category: Category.Secrets,
        DefaultSeverity: Severity.Critical,
        Confidence: Confidence.High)
    {
        Equivalents = ["gitleaks:private-key"],
        Description = "Finds ASCII-armored OpenPGP private keys (BEGIN PGP PRIVATE KEY BLOCK), checking that the first packet is a secret-key packet and that the armor CRC-24 matches. "
            + "PGP keys sign releases, commits and package repositories, and decrypt mail and backups.",
        Remediation = "Revoke the key with its revocation certificate and publish the revocation, create a new key (ideally on a hardware token) outside the repository, and re-sign what needs it.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["BEGIN PGP PRIVATE KEY BLOCK"];

    public override Regex Pattern => Token;

    public override int WindowBefore => 16384;

    public override int WindowAfter => 16384;

    [GeneratedRegex(
        @"-----BEGIN PGP PRIVATE KEY BLOCK-----[\s\S]{64,16384}?-----END PGP PRIVATE KEY BLOCK-----",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }

    /// <summary>Private keys are validated structurally; placeholder words in a random base64 body must not hide a real key.</summary>
    public override bool IsPlaceholder(string secret) => false;

    public override bool IsValid(string secret, Match match) => TryDecodeArmor(secret, out var data) && (data[0] is 0x94 or 0x95 or 0x96 or 0x97 or 0xC5);

    /// <summary>Decodes an ASCII-armored block: skips armor headers, checks the optional <c>=XXXX</c> CRC-24 line.</summary>
    private static bool TryDecodeArmor(string block, out byte[] data)
    {
        data = [];
        var lines = block.Replace("\\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.Trim()).ToList();
        var payload = new System.Text.StringBuilder();
        string? checksum = null;
        foreach (var line in lines.Skip(1).Take(Math.Max(0, lines.Count - 2)))
        {
            if (line.Length == 0 || line.Contains(':', StringComparison.Ordinal))
            {
                continue;
            }

            if (line.Length == 5 && line[0] == '=')
            {
                checksum = line[1..];
                continue;
            }

            payload.Append(line);
        }

        var buffer = new byte[payload.Length];
        if (payload.Length < 64 || !Convert.TryFromBase64String(payload.ToString(), buffer, out var written))
        {
            return false;
        }

        data = buffer[..written];
        return checksum is null || checksum == Crc24Base64(data);
    }

    /// <summary>The OpenPGP armor checksum (RFC 4880 section 6.1): CRC-24, init 0xB704CE, polynomial 0x1864CFB, base64.</summary>
    private static string Crc24Base64(ReadOnlySpan<byte> data)
    {
        var crc = 0xB704CEu;
        foreach (var b in data)
        {
            crc ^= (uint)b << 16;
            for (var i = 0; i < 8; i++)
            {
                crc <<= 1;
                if ((crc & 0x1000000) != 0)
                {
                    crc ^= 0x1864CFBu;
                }
            }
        }

        return Convert.ToBase64String([(byte)(crc >> 16), (byte)(crc >> 8), (byte)crc]);
    }

    private static string Sample()
    {
        var packet = RandomNumberGenerator.GetBytes(900);
        packet[0] = 0x95;
        packet[1] = 0x03;
        packet[2] = 0x80;
        packet[3] = 0x04;
        var body = RsaPrivateKey.Pem("PGP PRIVATE KEY BLOCK", packet);
        var end = body.LastIndexOf("-----END", StringComparison.Ordinal);
        return body[..end].Replace("BLOCK-----\n", "BLOCK-----\nComment: release signing key\n\n", StringComparison.Ordinal) + "=" + Crc24Base64(packet) + "\n" + body[end..];
    }

    public override IEnumerable<string> TruePositives()
    {
        yield return Sample();
        yield return "GPG_PRIVATE_KEY=\"" + Sample().Replace("\n", "\\n", StringComparison.Ordinal) + "\"";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "-----BEGIN PGP PRIVATE KEY BLOCK-----\n...\n-----END PGP PRIVATE KEY BLOCK-----";
        yield return "-----BEGIN PGP PRIVATE KEY BLOCK-----\nMIIEpAIBAAKCAQEA...\n-----END PGP PRIVATE KEY BLOCK-----";
        yield return "-----BEGIN PUBLIC KEY-----\n" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(270)) + "\n-----END PUBLIC KEY-----";
        yield return "-----BEGIN CERTIFICATE-----\n" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(600)) + "\n-----END CERTIFICATE-----";
        yield return "-----BEGIN PGP PRIVATE KEY BLOCK-----\n{{ .Values.tls.key }}\n-----END PGP PRIVATE KEY BLOCK-----";

        yield return "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\n" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(600)) + "\n-----END PGP PUBLIC KEY BLOCK-----";
        yield return Sample().Replace("\n=", "\n=AAAA\n#", StringComparison.Ordinal);
    }
}
