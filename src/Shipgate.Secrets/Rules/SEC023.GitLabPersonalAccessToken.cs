using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC023: GitLab personal, project or group access token (<c>glpat-</c>, legacy or routable form).</summary>
public sealed partial class GitLabPersonalAccessToken : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC023",
        Name: "gitlab-personal-access-token",
        Title: "GitLab personal, project or group access token",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.High)
    {
        Equivalents = ["gitleaks:gitlab-pat", "gitleaks:gitlab-pat-routable"],
        Description = "Detects GitLab personal, project and group access tokens (glpat-): the legacy form with 20 random characters "
            + "and the routable form GitLab 17 introduced, whose base36 CRC-32 and payload length are verified. With the api "
            + "scope a token acts as its user or bot on every project it can reach, through the REST and GraphQL APIs and "
            + "over Git.",
        Remediation = "Revoke the token under User settings > Access tokens (or the project or group Settings > Access tokens; "
            + "administrators can revoke any token), check the audit events for its use, and prefer CI_JOB_TOKEN or "
            + "short-lived tokens kept in masked, protected CI/CD variables.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["glpat-"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 3.0;

    public override bool IsValid(string secret, Match match) =>
        !secret.Contains('.', StringComparison.Ordinal) || Checksums.IsValidGitLabRoutableToken(secret, 6);

    public override IEnumerable<string> TruePositives()
    {
        yield return "export GITLAB_TOKEN=glpat-" + TokenFormats.Mixed(20);
        yield return "PRIVATE-TOKEN: " + TokenFormats.GitLabRoutable("glpat-");
        yield return "git remote add origin https://oauth2:glpat-" + TokenFormats.Mixed(20) + "@gitlab.com/acme/api.git";
        yield return "gitlab_token = \"" + TokenFormats.GitLabRoutable("glpat-", versioned: false) + "\"";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "token = glpat-" + new string('x', 20);
        yield return "token = myglpat-" + TokenFormats.Mixed(20);
        yield return "token = glpat-" + TokenFormats.Mixed(20) + "Z9";
        yield return "token: ${{ secrets.GITLAB_TOKEN }}";
        yield return "token = " + TokenFormats.BreakLastCharacter(TokenFormats.GitLabRoutable("glpat-"));
    }

    [GeneratedRegex(
        @"(?<![A-Za-z0-9_-])glpat-(?:[A-Za-z0-9_-]{27,300}\.(?:[0-9a-z]{2}\.)?[0-9a-z]{9}|[A-Za-z0-9_-]{20})(?![A-Za-z0-9_-])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }
}
