using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Shipgate.Core;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC158: PuTTY <c>.ppk</c> private key files (versions 2 and 3) with a Private-Lines section.</summary>
public sealed partial class PuttyPrivateKey : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC158",
        Name: "putty-private-key",
        Title: "PuTTY private key file",
        Category: Category.Secrets,
        DefaultSeverity: Severity.Critical,
        Confidence: Confidence.High)
    {
        Equivalents = [],
        Description = "Finds PuTTY private key files (.ppk, PuTTY-User-Key-File-2 and -3) and checks that the Private-Lines count matches its base64 lines. "
            + "These are Windows users' SSH keys, trusted by servers and Git hosts like any OpenSSH key.",
        Remediation = "Remove the public key from authorized_keys and Git hosting accounts, generate a new key with PuTTYgen outside the repository, and keep .ppk files out of version control.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["PuTTY-User-Key-File-"];

    public override Regex Pattern => Token;

    public override int WindowBefore => 16384;

    public override int WindowAfter => 16384;

    [GeneratedRegex(
        @"PuTTY-User-Key-File-[23]:[ \t]*[\w@.-]{3,64}\r?\nEncryption:[ \t]*[\w-]{1,32}[\s\S]{0,8192}?Private-Lines:[ \t]*(?<lines>[0-9]{1,3})\r?\n(?<body>[A-Za-z0-9+/=\r\n]{4,16384}?)Private-MAC:[ \t]*[0-9a-fA-F]{40,64}",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }

    public override bool IsPlaceholder(string secret) => false;

    /// <summary>The Private-Lines count must equal the number of base64 lines that follow, and they must decode.</summary>
    public override bool IsValid(string secret, Match match)
    {
        var expected = int.Parse(match.Groups["lines"].Value, NumberStyles.None, CultureInfo.InvariantCulture);
        var lines = match.Groups["body"].Value.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (expected == 0 || lines.Length != expected)
        {
            return false;
        }

        var joined = string.Concat(lines);
        return Convert.TryFromBase64String(joined, new byte[joined.Length], out var written) && written >= 16;
    }

    private static string Sample(int version, string encryption)
    {
        var publicLines = Convert.ToBase64String(RandomNumberGenerator.GetBytes(51));
        var privateBlob = Convert.ToBase64String(RandomNumberGenerator.GetBytes(96));
        var mac = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(version == 3 ? 32 : 20));
        return "PuTTY-User-Key-File-" + version + ": ssh-ed25519\nEncryption: " + encryption + "\nComment: eddsa-key-20240101\nPublic-Lines: 1\n"
            + publicLines + "\nPrivate-Lines: 2\n" + privateBlob[..64] + "\n" + privateBlob[64..] + "\nPrivate-MAC: " + mac;
    }

    public override IEnumerable<string> TruePositives()
    {
        yield return Sample(3, "none");
        yield return Sample(2, "aes256-cbc");
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: example\nPublic-Lines: 1\n...\nPrivate-Lines: 1\n...\nPrivate-MAC: ...";
        yield return Sample(3, "none").Replace("Private-Lines: 2", "Private-Lines: 5", StringComparison.Ordinal);
        yield return "Convert the key with puttygen: PuTTY-User-Key-File-3 files start with a header line.";
    }
}
