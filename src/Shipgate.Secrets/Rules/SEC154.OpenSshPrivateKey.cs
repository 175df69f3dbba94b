using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Shipgate.Core;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC154: OpenSSH-format private keys; the body must decode to the <c>openssh-key-v1</c> container.</summary>
public sealed partial class OpenSshPrivateKey : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC154",
        Name: "openssh-private-key",
        Title: "OpenSSH private key",
        Category: Category.Secrets,
        DefaultSeverity: Severity.Critical,
        Confidence: Confidence.High)
    {
        Equivalents = ["gitleaks:private-key"],
        Description = "Finds OpenSSH private keys (BEGIN OPENSSH PRIVATE KEY) and confirms that the body decodes to the openssh-key-v1 container. "
            + "Deploy keys and personal SSH keys grant shell or Git access to every host and repository that trusts them.",
        Remediation = "Remove the public key from authorized_keys, deploy keys and Git hosting accounts, generate a new key pair outside the repository, and provide it through an SSH agent or CI secret.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["BEGIN OPENSSH PRIVATE KEY"];

    public override Regex Pattern => Token;

    public override int WindowBefore => 16384;

    public override int WindowAfter => 16384;

    [GeneratedRegex(
        @"-----BEGIN OPENSSH PRIVATE KEY-----[\s\S]{64,16384}?-----END OPENSSH PRIVATE KEY-----",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }

    /// <summary>Private keys are validated structurally; placeholder words in a random base64 body must not hide a real key.</summary>
    public override bool IsPlaceholder(string secret) => false;

    public override bool IsValid(string secret, Match match) => RsaPrivateKey.TryDecodePemBody(secret, out var body, out _) && body.AsSpan().StartsWith("openssh-key-v1\0"u8);

    private static string Sample()
    {
        var bytes = new List<byte>();
        bytes.AddRange("openssh-key-v1\0"u8.ToArray());
        foreach (var field in new[] { "none", "none", "" })
        {
            bytes.AddRange([0, 0, 0, (byte)field.Length]);
            bytes.AddRange(System.Text.Encoding.ASCII.GetBytes(field));
        }

        bytes.AddRange([0, 0, 0, 1]);
        bytes.AddRange(RandomNumberGenerator.GetBytes(300));
        return RsaPrivateKey.Pem("OPENSSH PRIVATE KEY", bytes.ToArray(), 70);
    }

    public override IEnumerable<string> TruePositives()
    {
        yield return Sample();
        yield return "SSH_PRIVATE_KEY: |\n  " + Sample().Replace("\n", "\n  ", StringComparison.Ordinal);
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "-----BEGIN OPENSSH PRIVATE KEY-----\n...\n-----END OPENSSH PRIVATE KEY-----";
        yield return "-----BEGIN OPENSSH PRIVATE KEY-----\nMIIEpAIBAAKCAQEA...\n-----END OPENSSH PRIVATE KEY-----";
        yield return "-----BEGIN PUBLIC KEY-----\n" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(270)) + "\n-----END PUBLIC KEY-----";
        yield return "-----BEGIN CERTIFICATE-----\n" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(600)) + "\n-----END CERTIFICATE-----";
        yield return "-----BEGIN OPENSSH PRIVATE KEY-----\n{{ .Values.tls.key }}\n-----END OPENSSH PRIVATE KEY-----";

        yield return RsaPrivateKey.Pem("OPENSSH PRIVATE KEY", RandomNumberGenerator.GetBytes(300), 70);
    }
}
