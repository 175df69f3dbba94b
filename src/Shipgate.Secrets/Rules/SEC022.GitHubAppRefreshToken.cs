using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC022: a GitHub App refresh token (<c>ghr_</c>).</summary>
public sealed partial class GitHubAppRefreshToken : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC022",
        Name: "github-app-refresh-token",
        Title: "GitHub App refresh token",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.High)
    {
        Equivalents = ["gitleaks:github-refresh-token"],
        Description = "Detects GitHub App refresh tokens: ghr_ followed by 36 characters (checksum-verified) or by the 76 characters "
            + "GitHub currently issues. A refresh token is valid for six months and, with the app's client id and secret, mints "
            + "fresh ghu_ user tokens, so it outlives any single access token it was issued with.",
        Remediation = "Revoke the user's authorization for the app (DELETE /applications/{client_id}/grant, or the user revokes it "
            + "under Settings > Applications), which invalidates its refresh tokens, and keep refresh tokens server-side in a secret store.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["ghr_"];

    public override Regex Pattern => Token;

    public override bool IsValid(string secret, Match match) =>
        secret.Length == 40 ? Checksums.IsValidGitHubChecksum(secret) : Entropy.Shannon(secret.AsSpan(4)) >= 4.5;

    public override IEnumerable<string> TruePositives()
    {
        yield return "{\"access_token\":\"" + TokenFormats.GitHubClassic("ghu_") + "\",\"refresh_token\":\"" + TokenFormats.GitHubClassic("ghr_") + "\"}";
        yield return "GITHUB_REFRESH_TOKEN=ghr_" + TokenFormats.Mixed(76);
        yield return "refresh_token: " + TokenFormats.GitHubClassic("ghr_");
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "refresh_token: " + TokenFormats.BreakLastCharacter(TokenFormats.GitHubClassic("ghr_"));
        yield return "GITHUB_REFRESH_TOKEN=ghr_" + new string('x', 76);
        yield return "refresh_token: ghr_" + TokenFormats.Mixed(50);
        yield return "refresh_token: \"ghr_...\"";
    }

    [GeneratedRegex(
        @"(?<![A-Za-z0-9_])ghr_(?:[A-Za-z0-9]{76}|[A-Za-z0-9]{36})(?![A-Za-z0-9_])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }
}
