using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC027: GitLab pipeline trigger token (<c>glptt-</c>, legacy or routable form).</summary>
public sealed partial class GitLabPipelineTriggerToken : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC027",
        Name: "gitlab-pipeline-trigger-token",
        Title: "GitLab pipeline trigger token",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.High)
    {
        Equivalents = ["gitleaks:gitlab-ptt"],
        Description = "Detects GitLab pipeline trigger tokens (glptt- followed by 40 hex characters, or a routable body). A trigger "
            + "token starts pipelines on any branch or tag of its project as the token owner and can pass CI/CD variables, "
            + "which is often enough to change what a deployment job runs.",
        Remediation = "Revoke the token under the project Settings > CI/CD > Pipeline trigger tokens, create a new one if still "
            + "needed, and keep it in a masked, protected CI/CD variable or secret manager.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["glptt-"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 3.0;

    public override bool IsValid(string secret, Match match) =>
        !secret.Contains('.', StringComparison.Ordinal) || Checksums.IsValidGitLabRoutableToken(secret, 6);

    public override IEnumerable<string> TruePositives()
    {
        yield return "curl -X POST --fail -F token=glptt-" + TokenFormats.Hex(40) + " -F ref=main https://gitlab.com/api/v4/projects/42/trigger/pipeline";
        yield return "TRIGGER_TOKEN: \"glptt-" + TokenFormats.Hex(40) + "\"";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "token = glptt-" + new string('x', 40);
        yield return "token = myglptt-" + TokenFormats.Hex(40);
        yield return "token = glptt-" + TokenFormats.Hex(40) + "Z9";
        yield return "token: ${{ secrets.GITLAB_TOKEN }}";
        yield return "token = " + TokenFormats.BreakLastCharacter(TokenFormats.GitLabRoutable("glptt-"));
    }

    [GeneratedRegex(
        @"(?<![A-Za-z0-9_-])glptt-(?:[A-Za-z0-9_-]{27,300}\.(?:[0-9a-z]{2}\.)?[0-9a-z]{9}|[0-9a-f]{40})(?![A-Za-z0-9_-])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }
}
