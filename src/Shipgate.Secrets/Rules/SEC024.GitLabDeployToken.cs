using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC024: GitLab deploy token (<c>gldt-</c>, legacy or routable form).</summary>
public sealed partial class GitLabDeployToken : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC024",
        Name: "gitlab-deploy-token",
        Title: "GitLab deploy token",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.High)
    {
        Equivalents = ["gitleaks:gitlab-deploy-token"],
        Description = "Detects GitLab deploy tokens (gldt- followed by 20 characters, or a CRC-verified routable body). A deploy "
            + "token is scoped to one project or group but can read and often write its repositories, container registry and "
            + "package registry, which makes it a supply-chain credential.",
        Remediation = "Revoke the token under the project or group Settings > Repository > Deploy tokens, create a new one with only "
            + "the scopes needed, and store it as a masked, protected CI/CD variable or in your secret manager.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["gldt-"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 3.0;

    public override bool IsValid(string secret, Match match) =>
        !secret.Contains('.', StringComparison.Ordinal) || Checksums.IsValidGitLabRoutableToken(secret, 5);

    public override IEnumerable<string> TruePositives()
    {
        yield return "docker login registry.gitlab.com -u gitlab+deploy-token-17 -p gldt-" + TokenFormats.Mixed(20);
        yield return "DEPLOY_TOKEN=" + TokenFormats.GitLabRoutable("gldt-");
        yield return "  password: \"gldt-" + TokenFormats.Mixed(20) + "\"";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "token = gldt-" + new string('x', 20);
        yield return "token = mygldt-" + TokenFormats.Mixed(20);
        yield return "token = gldt-" + TokenFormats.Mixed(20) + "Z9";
        yield return "token: ${{ secrets.GITLAB_TOKEN }}";
        yield return "token = " + TokenFormats.BreakLastCharacter(TokenFormats.GitLabRoutable("gldt-"));
    }

    [GeneratedRegex(
        @"(?<![A-Za-z0-9_-])gldt-(?:[A-Za-z0-9_-]{27,300}\.(?:[0-9a-z]{2}\.)?[0-9a-z]{9}|[A-Za-z0-9_-]{20})(?![A-Za-z0-9_-])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }
}
