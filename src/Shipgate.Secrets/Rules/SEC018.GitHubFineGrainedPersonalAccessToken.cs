using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC018: a GitHub fine-grained personal access token (<c>github_pat_</c>).</summary>
public sealed partial class GitHubFineGrainedPersonalAccessToken : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC018",
        Name: "github-fine-grained-personal-access-token",
        Title: "GitHub fine-grained personal access token",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.High)
    {
        Equivalents = ["gitleaks:github-fine-grained-pat"],
        Description = "Detects GitHub fine-grained personal access tokens: github_pat_, 22 base62 characters, an underscore and 59 "
            + "more. They are limited to chosen repositories and permissions, but commonly carry contents:write or admin rights on "
            + "the repositories a pipeline touches, which is enough to push code or tamper with releases.",
        Remediation = "Revoke the token at GitHub > Settings > Developer settings > Fine-grained tokens (organization owners can revoke "
            + "it under the organization's personal access token settings), then use the workflow GITHUB_TOKEN or a GitHub App token "
            + "and keep any remaining PAT in an Actions secret.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["github_pat_"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 4.0;

    public override IEnumerable<string> TruePositives()
    {
        yield return "GH_TOKEN=" + TokenFormats.GitHubFineGrained();
        yield return "  token: \"" + TokenFormats.GitHubFineGrained() + "\"";
        yield return "curl -H \"Authorization: Bearer " + TokenFormats.GitHubFineGrained() + "\" https://api.github.com/user";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "GH_TOKEN=github_pat_" + new string('x', 22) + "_" + new string('x', 59);
        yield return "GH_TOKEN=" + TokenFormats.GitHubFineGrained()[..^2];
        yield return "GH_TOKEN=github_pat_<your-token>";
        yield return "var my_github_pat_" + TokenFormats.GitHubFineGrained()[11..] + " = 1";
    }

    [GeneratedRegex(
        @"(?<![A-Za-z0-9_])github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}(?![A-Za-z0-9_])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }
}
