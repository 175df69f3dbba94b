using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC032: GitLab agent for Kubernetes token (<c>glagent-</c>, legacy or routable form).</summary>
public sealed partial class GitLabKubernetesAgentToken : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC032",
        Name: "gitlab-kubernetes-agent-token",
        Title: "GitLab agent for Kubernetes token",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.High)
    {
        Equivalents = ["gitleaks:gitlab-kubernetes-agent-token"],
        Description = "Detects GitLab agent for Kubernetes access tokens (glagent- followed by 50 characters, or a routable body). "
            + "The token authenticates an agent to GitLab: with it an attacker can impersonate the agent, receive the "
            + "manifests and CI/CD tunnel traffic meant for the cluster, and interfere with GitOps deployments.",
        Remediation = "Revoke the token under Operate > Kubernetes clusters > the agent > Access tokens, create a new one, and store "
            + "it in a Kubernetes Secret created out of band rather than in Helm values committed to Git.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["glagent-"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 3.0;

    public override bool IsValid(string secret, Match match) =>
        !secret.Contains('.', StringComparison.Ordinal) || Checksums.IsValidGitLabRoutableToken(secret, 8);

    public override IEnumerable<string> TruePositives()
    {
        yield return "helm upgrade --install gitlab-agent gitlab/gitlab-agent --set config.token=glagent-" + TokenFormats.Mixed(50);
        yield return "  token: \"" + TokenFormats.GitLabRoutable("glagent-") + "\"";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "token = glagent-" + new string('x', 50);
        yield return "token = myglagent-" + TokenFormats.Mixed(50);
        yield return "token = glagent-" + TokenFormats.Mixed(50) + "Z9";
        yield return "token: ${{ secrets.GITLAB_TOKEN }}";
        yield return "token = " + TokenFormats.BreakLastCharacter(TokenFormats.GitLabRoutable("glagent-"));
    }

    [GeneratedRegex(
        @"(?<![A-Za-z0-9_-])glagent-(?:[A-Za-z0-9_-]{27,300}\.(?:[0-9a-z]{2}\.)?[0-9a-z]{9}|[A-Za-z0-9_-]{50})(?![A-Za-z0-9_-])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }
}
