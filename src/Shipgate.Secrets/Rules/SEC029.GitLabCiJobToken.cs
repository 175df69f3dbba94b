using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC029: GitLab CI/CD job token (<c>glcbt-</c>, legacy or routable form).</summary>
public sealed partial class GitLabCiJobToken : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC029",
        Name: "gitlab-ci-job-token",
        Title: "GitLab CI/CD job token",
        Category: Category.Secrets,
        DefaultSeverity: Severity.Medium,
        Confidence: Confidence.High)
    {
        Equivalents = ["gitleaks:gitlab-cicd-job-token"],
        Description = "Detects GitLab CI/CD job tokens (glcbt-), the value of CI_JOB_TOKEN. A job token is only valid while its job "
            + "runs, but in that window it can clone allowed projects, pull and push packages and call a subset of the API as "
            + "the user who started the pipeline; finding one in a file or artifact means job output is leaking credentials.",
        Remediation = "The token expires when the job ends; find how it was written out (logs, artifacts, caches) and stop it, and "
            + "restrict the project job token allowlist under Settings > CI/CD > Job token permissions.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["glcbt-"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 3.0;

    public override bool IsValid(string secret, Match match) =>
        !secret.Contains('.', StringComparison.Ordinal) || Checksums.IsValidGitLabRoutableToken(secret, 6);

    public override IEnumerable<string> TruePositives()
    {
        yield return "curl --header \"JOB-TOKEN: glcbt-" + TokenFormats.Mixed(2) + "_" + TokenFormats.Mixed(20) + "\" https://gitlab.com/api/v4/projects/42/packages";
        yield return "CI_JOB_TOKEN=" + TokenFormats.GitLabRoutable("glcbt-");
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "token = glcbt-" + new string('x', 20);
        yield return "token = myglcbt-" + TokenFormats.Mixed(2) + "_" + TokenFormats.Mixed(20);
        yield return "token = glcbt-" + TokenFormats.Mixed(2) + "_" + TokenFormats.Mixed(20) + "Z9";
        yield return "token: ${{ secrets.GITLAB_TOKEN }}";
        yield return "token = " + TokenFormats.BreakLastCharacter(TokenFormats.GitLabRoutable("glcbt-"));
    }

    [GeneratedRegex(
        @"(?<![A-Za-z0-9_-])glcbt-(?:[A-Za-z0-9_-]{27,300}\.(?:[0-9a-z]{2}\.)?[0-9a-z]{9}|[0-9a-zA-Z]{1,5}_[A-Za-z0-9_-]{20})(?![A-Za-z0-9_-])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }
}
