using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC034: GitLab OAuth application secret (<c>gloas-</c>, legacy or routable form).</summary>
public sealed partial class GitLabOAuthApplicationSecret : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC034",
        Name: "gitlab-oauth-application-secret",
        Title: "GitLab OAuth application secret",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.High)
    {
        Equivalents = ["gitleaks:gitlab-oauth-app-secret"],
        Description = "Detects GitLab OAuth application secrets (gloas- followed by 64 characters). With the application id, the "
            + "secret lets an attacker act as the application in the OAuth flow: exchange intercepted authorization codes, "
            + "refresh tokens, and phish users with a trusted \"Sign in with GitLab\" consent screen.",
        Remediation = "Renew the secret under User, group or Admin Area > Applications > the application > Renew secret, update the "
            + "services that use it, and keep it in a secret manager.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["gloas-"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 3.0;

    public override bool IsValid(string secret, Match match) =>
        !secret.Contains('.', StringComparison.Ordinal) || Checksums.IsValidGitLabRoutableToken(secret, 6);

    public override IEnumerable<string> TruePositives()
    {
        yield return "GITLAB_OAUTH_SECRET=gloas-" + TokenFormats.Mixed(64);
        yield return "  client_secret: \"gloas-" + TokenFormats.Mixed(64) + "\"";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "token = gloas-" + new string('x', 64);
        yield return "token = mygloas-" + TokenFormats.Mixed(64);
        yield return "token = gloas-" + TokenFormats.Mixed(64) + "Z9";
        yield return "token: ${{ secrets.GITLAB_TOKEN }}";
        yield return "token = " + TokenFormats.BreakLastCharacter(TokenFormats.GitLabRoutable("gloas-"));
    }

    [GeneratedRegex(
        @"(?<![A-Za-z0-9_-])gloas-(?:[A-Za-z0-9_-]{27,300}\.(?:[0-9a-z]{2}\.)?[0-9a-z]{9}|[A-Za-z0-9_-]{64})(?![A-Za-z0-9_-])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }
}
