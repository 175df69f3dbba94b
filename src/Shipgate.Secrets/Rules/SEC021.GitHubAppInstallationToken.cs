using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC021: a GitHub App installation (server-to-server) token, <c>ghs_</c>, classic or stateless JWT form.</summary>
public sealed partial class GitHubAppInstallationToken : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC021",
        Name: "github-app-installation-token",
        Title: "GitHub App installation access token",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.High)
    {
        Equivalents = ["gitleaks:github-app-token"],
        Description = "Detects GitHub App installation (server-to-server) tokens, including the Actions GITHUB_TOKEN: the classic form "
            + "ghs_ + 36 characters with a verified CRC-32 checksum, and the stateless form ghs_<app id>_<signed JWT> rolled out "
            + "in 2026. They expire after an hour, but while valid act as the app on every repository of the installation, and "
            + "often surface in logs, caches and build artifacts.",
        Remediation = "Revoke the token with DELETE /installation/token (authenticated as the token itself), find out how it was "
            + "persisted, and mint installation tokens on demand from the app's private key instead of storing them.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["ghs_"];

    public override Regex Pattern => Token;

    /// <summary>Stateless tokens are about 520 characters long.</summary>
    public override int WindowAfter => 2048;

    public override bool IsValid(string secret, Match match) =>
        secret.Length == 40 ? Checksums.IsValidGitHubChecksum(secret) : TokenFormats.IsJwt(secret.AsSpan(secret.IndexOf('_', 4) + 1));

    public override IEnumerable<string> TruePositives()
    {
        yield return "GITHUB_TOKEN=" + TokenFormats.GitHubClassic("ghs_");
        yield return "Authorization: token " + TokenFormats.GitHubClassic("ghs_");
        yield return "{\"token\":\"" + TokenFormats.GitHubStatelessInstallationToken() + "\",\"expires_at\":\"2026-05-01T10:00:00Z\"}";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "GITHUB_TOKEN=" + TokenFormats.BreakLastCharacter(TokenFormats.GitHubClassic("ghs_"));
        yield return "GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}";
        yield return "GITHUB_TOKEN=ghs_" + new string('x', 36);
        yield return "token=ghs_12345_" + TokenFormats.Base64UrlOfBytes(20) + "." + TokenFormats.Base64UrlOfBytes(20) + "." + TokenFormats.Base64UrlOfBytes(20);
    }

    [GeneratedRegex(
        @"(?<![A-Za-z0-9_])ghs_(?:[A-Za-z0-9]{36}(?![A-Za-z0-9_])|[0-9]{1,20}_eyJ[A-Za-z0-9_-]{10,2000}\.[A-Za-z0-9_-]{10,4000}\.[A-Za-z0-9_-]{10,2000}(?![A-Za-z0-9_.-]))",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }
}
