using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC020: GitHub App user access token (<c>ghu_</c>), checksum-verified.</summary>
public sealed partial class GitHubAppUserToken : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC020",
        Name: "github-app-user-token",
        Title: "GitHub App user access token",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.High)
    {
        Equivalents = ["gitleaks:github-app-token"],
        Description = "Detects GitHub App user-to-server access tokens: ghu_ followed by 30 random base62 characters and a verified CRC-32 checksum. "
            + "They act on behalf of a user through a GitHub App, limited to the permissions of both, and are valid for eight hours "
            + "by default (or indefinitely if the app opted out of expiring tokens).",
        Remediation = "Revoke the token (DELETE /applications/{client_id}/token with the app credentials, or the user revokes the app authorization), "
            + "revoke the paired ghr_ refresh token, and keep user tokens server-side rather than in code or CI variables.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["ghu_"];

    public override Regex Pattern => Token;

    public override bool IsValid(string secret, Match match) => Checksums.IsValidGitHubChecksum(secret);

    public override IEnumerable<string> TruePositives()
    {
        yield return "export GH_USER_TOKEN=" + TokenFormats.GitHubClassic("ghu_");
        yield return "\"token\": \"" + TokenFormats.GitHubClassic("ghu_") + "\"";
        yield return "git clone https://x-access-token:" + TokenFormats.GitHubClassic("ghu_") + "@github.com/acme/api.git";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "GITHUB_TOKEN=ghu_" + new string('x', 36);
        yield return "GITHUB_TOKEN=" + TokenFormats.BreakLastCharacter(TokenFormats.GitHubClassic("ghu_"));
        yield return "token: process.env.GITHUB_TOKEN";
        yield return "id = myghu_" + TokenFormats.GitHubClassic("ghu_")[4..];
        yield return "GITHUB_TOKEN=" + TokenFormats.GitHubClassic("ghu_")[..^1];
    }

    [GeneratedRegex(
        @"(?<![A-Za-z0-9_])ghu_[A-Za-z0-9]{36}(?![A-Za-z0-9_])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }
}
