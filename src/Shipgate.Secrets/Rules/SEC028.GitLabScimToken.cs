using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC028: GitLab SCIM token (<c>glsoat-</c>, legacy or routable form).</summary>
public sealed partial class GitLabScimToken : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC028",
        Name: "gitlab-scim-token",
        Title: "GitLab SCIM token",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.High)
    {
        Equivalents = ["gitleaks:gitlab-scim-token"],
        Description = "Detects GitLab SCIM OAuth access tokens (glsoat-), which identity providers use to provision and deprovision "
            + "members of a group with SAML SSO. A leaked token lets an attacker create accounts in, or remove people from, "
            + "the group.",
        Remediation = "Generate a new SCIM token in the group Settings > SAML SSO (this invalidates the old one), update the identity "
            + "provider, and review recent membership changes.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["glsoat-"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 3.0;

    public override bool IsValid(string secret, Match match) =>
        !secret.Contains('.', StringComparison.Ordinal) || Checksums.IsValidGitLabRoutableToken(secret, 7);

    public override IEnumerable<string> TruePositives()
    {
        yield return "SCIM_TOKEN=glsoat-" + TokenFormats.Mixed(20);
        yield return "\"scim_token\": \"glsoat-" + TokenFormats.Mixed(20) + "\"";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "token = glsoat-" + new string('x', 20);
        yield return "token = myglsoat-" + TokenFormats.Mixed(20);
        yield return "token = glsoat-" + TokenFormats.Mixed(20) + "Z9";
        yield return "token: ${{ secrets.GITLAB_TOKEN }}";
        yield return "token = " + TokenFormats.BreakLastCharacter(TokenFormats.GitLabRoutable("glsoat-"));
    }

    [GeneratedRegex(
        @"(?<![A-Za-z0-9_-])glsoat-(?:[A-Za-z0-9_-]{27,300}\.(?:[0-9a-z]{2}\.)?[0-9a-z]{9}|[A-Za-z0-9_-]{20})(?![A-Za-z0-9_-])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }
}
