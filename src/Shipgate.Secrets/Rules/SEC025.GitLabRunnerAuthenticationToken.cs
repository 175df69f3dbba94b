using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC025: GitLab runner authentication token (<c>glrt-</c>, legacy or routable form).</summary>
public sealed partial class GitLabRunnerAuthenticationToken : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC025",
        Name: "gitlab-runner-authentication-token",
        Title: "GitLab runner authentication token",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.High)
    {
        Equivalents = ["gitleaks:gitlab-runner-authentication-token", "gitleaks:gitlab-runner-authentication-token-routable"],
        Description = "Detects GitLab runner authentication tokens (glrt-, legacy 20-character or routable with a verified CRC-32), "
            + "usually found in config.toml. Whoever holds the token can run a runner that picks up the project or group "
            + "jobs, receiving their source code and every CI/CD variable passed to them.",
        Remediation = "Reset the token or delete the runner under Settings > CI/CD > Runners (or Admin Area > Runners), re-register "
            + "the runner with a new token, and keep config.toml out of repositories and images.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["glrt-"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 3.0;

    public override bool IsValid(string secret, Match match) =>
        !secret.Contains('.', StringComparison.Ordinal) || Checksums.IsValidGitLabRoutableToken(secret, 5);

    public override IEnumerable<string> TruePositives()
    {
        yield return "[[runners]]\n  url = \"https://gitlab.com/\"\n  token = \"" + TokenFormats.GitLabRoutable("glrt-t1_") + "\"";
        yield return "gitlab-runner register --non-interactive --url https://gitlab.com --token glrt-" + TokenFormats.Mixed(20);
        yield return "RUNNER_TOKEN=glrt-" + TokenFormats.Mixed(20);
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "token = glrt-" + new string('x', 20);
        yield return "token = myglrt-" + TokenFormats.Mixed(20);
        yield return "token = glrt-" + TokenFormats.Mixed(20) + "Z9";
        yield return "token: ${{ secrets.GITLAB_TOKEN }}";
        yield return "token = " + TokenFormats.BreakLastCharacter(TokenFormats.GitLabRoutable("glrt-t1_"));
    }

    [GeneratedRegex(
        @"(?<![A-Za-z0-9_-])glrt-(?:[A-Za-z0-9_-]{27,300}\.(?:[0-9a-z]{2}\.)?[0-9a-z]{9}|[A-Za-z0-9_-]{20})(?![A-Za-z0-9_-])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }
}
