using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC102: npm granular and classic tokens, <c>npm_</c> + 30 random base62 + a 6-digit base62 CRC-32.</summary>
public sealed partial class NpmAccessToken : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC102",
        Name: "npm-access-token",
        Title: "npm access token",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.High)
    {
        Equivalents = ["gitleaks:npm-access-token"],
        Description = "Finds npm access tokens (npm_ followed by 30 random characters and a CRC-32 checksum); the checksum is verified, so hits are almost never false. "
            + "A publish-capable npm token lets anyone push a malicious version of every package its owner maintains, a direct supply-chain compromise.",
        Remediation = "Revoke the token with `npm token revoke` or on npmjs.com, create a granular token with the least scope and an expiry, and supply it from the CI secret store (NPM_TOKEN) instead of the repository.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["npm_"];

    public override Regex Pattern => Token;

    [GeneratedRegex(@"(?<![A-Za-z0-9_])npm_[A-Za-z0-9]{36}(?![A-Za-z0-9_])", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }

    public override bool IsPlaceholder(string secret) => Placeholders.IsVariableReference(secret);

    public override bool IsValid(string secret, Match match) => Crc32Base62.HasValidChecksum(secret.AsSpan(4));

    /// <summary>A well-formed token with a correct checksum, generated now.</summary>
    internal static string Sample()
    {
        var random = Samples.AlphaNumeric(30);
        return "npm_" + random + Crc32Base62.ChecksumOf(random);
    }

    public override IEnumerable<string> TruePositives()
    {
        yield return "//registry.npmjs.org/:_authToken=" + Sample();
        yield return "export NPM_TOKEN=\"" + Sample() + "\"";
        yield return "{ \"npmToken\": \"" + Sample() + "\" }";
    }

    public override IEnumerable<string> FalsePositives()
    {
        var random = Samples.AlphaNumeric(30);
        var wrong = Crc32Base62.ChecksumOf(random + "x");
        yield return "NPM_TOKEN=npm_" + random + wrong;
        yield return "NPM_TOKEN=npm_" + new string('x', 36);
        yield return "//registry.npmjs.org/:_authToken=${NPM_TOKEN}";
        yield return "token: npm_" + Samples.AlphaNumeric(35);
        yield return "const token = process.env.NPM_TOKEN;";
    }
}
