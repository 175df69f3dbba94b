using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Shipgate.Core;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC173: <c>client-key-data:</c> in a kubeconfig: base64 of a PEM private key (decoded and validated).</summary>
public sealed partial class KubeconfigClientKey : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC173",
        Name: "kubeconfig-client-key",
        Title: "Client private key in a kubeconfig",
        Category: Category.Secrets,
        DefaultSeverity: Severity.Critical,
        Confidence: Confidence.High)
    {
        Equivalents = [],
        Description = "Finds client-key-data in kubeconfig files and checks that it decodes to a PEM private key. "
            + "With the matching client certificate (usually right above it) the key authenticates to the cluster; kubeadm admin.conf keys are in the system:masters group and cannot be revoked without rotating the cluster CA.",
        Remediation = "Assume cluster-admin compromise for admin.conf keys: rotate the client certificate (and the CA if it was system:masters), remove the kubeconfig from the repository, and give users OIDC or short-lived credentials.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Supersedes { get; } = ["SEC151", "SEC152", "SEC156"];

    public override IReadOnlyList<string> Keywords { get; } = ["client-key-data"];

    public override Regex Pattern => Token;

    public override int WindowBefore => 16384;

    public override int WindowAfter => 16384;

    [GeneratedRegex(
        @"client-key-data:[ \t]*[""']?(?<secret>[A-Za-z0-9+/]{64,16384}={0,2})",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }

    public override bool IsPlaceholder(string secret) => false;

    /// <summary>The value must decode to a PEM private key whose own body is valid base64 DER.</summary>
    public override bool IsValid(string secret, Match match)
    {
        var buffer = new byte[secret.Length];
        if (!Convert.TryFromBase64String(secret, buffer, out var written))
        {
            return false;
        }

        var pem = System.Text.Encoding.ASCII.GetString(buffer, 0, written);
        return pem.Contains("PRIVATE KEY-----", StringComparison.Ordinal) && RsaPrivateKey.TryDecodePemBody(pem, out _, out _);
    }

    private static string Encode(string pem) => Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(pem + "\n"));

    public override IEnumerable<string> TruePositives()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var rsa = RSA.Create(2048);
        yield return "users:\n- name: kubernetes-admin\n  user:\n    client-certificate-data: " + Convert.ToBase64String(RandomNumberGenerator.GetBytes(200)) + "\n    client-key-data: " + Encode(ecdsa.ExportECPrivateKeyPem());
        yield return "    client-key-data: \"" + Encode(rsa.ExportRSAPrivateKeyPem()) + "\"";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "    client-key-data: " + Convert.ToBase64String(RandomNumberGenerator.GetBytes(300));
        yield return "    client-certificate-data: " + Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes("-----BEGIN CERTIFICATE-----\n" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(300)) + "\n-----END CERTIFICATE-----\n"));
        yield return "    client-key-data: " + Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes("-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----\n" + new string(' ', 40)));
        yield return "    client-key: /etc/kubernetes/pki/admin.key";
    }
}
