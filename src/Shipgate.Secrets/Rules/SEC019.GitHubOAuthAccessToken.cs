using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC019: GitHub OAuth access token (<c>gho_</c>), checksum-verified.</summary>
public sealed partial class GitHubOAuthAccessToken : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC019",
        Name: "github-oauth-access-token",
        Title: "GitHub OAuth access token",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.High)
    {
        Equivalents = ["gitleaks:github-oauth"],
        Description = "Detects GitHub OAuth App user access tokens: gho_ followed by 30 random base62 characters and a verified CRC-32 checksum. "
            + "Such a token acts as the user who authorized the OAuth App, with the scopes that app requested, on every repository "
            + "the user can reach, and does not expire until revoked.",
        Remediation = "Revoke the token through the OAuth App (DELETE /applications/{client_id}/token, or the user revokes the app under Settings > "
            + "Applications > Authorized OAuth Apps), rotate the app client secret if it leaked too, and keep tokens server-side in a "
            + "secret store.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["gho_"];

    public override Regex Pattern => Token;

    public override bool IsValid(string secret, Match match) => Checksums.IsValidGitHubChecksum(secret);

    public override IEnumerable<string> TruePositives()
    {
        yield return "export GITHUB_TOKEN=" + TokenFormats.GitHubClassic("gho_");
        yield return "\"token\": \"" + TokenFormats.GitHubClassic("gho_") + "\"";
        yield return "git clone https://x-access-token:" + TokenFormats.GitHubClassic("gho_") + "@github.com/acme/api.git";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "GITHUB_TOKEN=gho_" + new string('x', 36);
        yield return "GITHUB_TOKEN=" + TokenFormats.BreakLastCharacter(TokenFormats.GitHubClassic("gho_"));
        yield return "token: process.env.GITHUB_TOKEN";
        yield return "id = mygho_" + TokenFormats.GitHubClassic("gho_")[4..];
        yield return "GITHUB_TOKEN=" + TokenFormats.GitHubClassic("gho_")[..^1];
    }

    [GeneratedRegex(
        @"(?<![A-Za-z0-9_])gho_[A-Za-z0-9]{36}(?![A-Za-z0-9_])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }
}
