using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC017: GitHub classic personal access token (<c>ghp_</c>), checksum-verified.</summary>
public sealed partial class GitHubPersonalAccessToken : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC017",
        Name: "github-personal-access-token",
        Title: "GitHub classic personal access token",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.High)
    {
        Equivalents = ["gitleaks:github-pat"],
        Description = "Detects GitHub classic personal access tokens: ghp_ followed by 30 random base62 characters and a 6-character CRC-32 "
            + "checksum, which is verified so look-alikes are dropped. A classic PAT acts as the user who created it on every "
            + "repository and organization they can reach, limited only by its scopes, and often never expires.",
        Remediation = "Delete the token at GitHub > Settings > Developer settings > Personal access tokens (organization owners can also revoke "
            + "it), review the security log for its use, and replace it with a fine-grained PAT, a GitHub App or the workflow GITHUB_TOKEN "
            + "stored as an Actions secret.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["ghp_"];

    public override Regex Pattern => Token;

    public override bool IsValid(string secret, Match match) => Checksums.IsValidGitHubChecksum(secret);

    public override IEnumerable<string> TruePositives()
    {
        yield return "export GITHUB_TOKEN=" + TokenFormats.GitHubClassic("ghp_");
        yield return "\"token\": \"" + TokenFormats.GitHubClassic("ghp_") + "\"";
        yield return "git clone https://x-access-token:" + TokenFormats.GitHubClassic("ghp_") + "@github.com/acme/api.git";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "GITHUB_TOKEN=ghp_" + new string('x', 36);
        yield return "GITHUB_TOKEN=" + TokenFormats.BreakLastCharacter(TokenFormats.GitHubClassic("ghp_"));
        yield return "token: process.env.GITHUB_TOKEN";
        yield return "id = myghp_" + TokenFormats.GitHubClassic("ghp_")[4..];
        yield return "GITHUB_TOKEN=" + TokenFormats.GitHubClassic("ghp_")[..^1];
    }

    [GeneratedRegex(
        @"(?<![A-Za-z0-9_])ghp_[A-Za-z0-9]{36}(?![A-Za-z0-9_])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }
}
