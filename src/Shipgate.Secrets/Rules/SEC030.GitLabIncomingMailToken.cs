using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC030: GitLab incoming email token (<c>glimt-</c>, legacy or routable form).</summary>
public sealed partial class GitLabIncomingMailToken : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC030",
        Name: "gitlab-incoming-mail-token",
        Title: "GitLab incoming email token",
        Category: Category.Secrets,
        DefaultSeverity: Severity.Medium,
        Confidence: Confidence.High)
    {
        Equivalents = ["gitleaks:gitlab-incoming-mail-token"],
        Description = "Detects GitLab incoming email tokens (glimt- followed by 25 characters), which are embedded in the personal "
            + "email addresses used to create issues and merge requests by email. Anyone with the token can open issues and "
            + "merge requests as that user.",
        Remediation = "Reset the incoming email token from the user profile (Reset this token next to the email-to-issue address) and "
            + "avoid committing those addresses.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["glimt-"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 3.0;

    public override bool IsValid(string secret, Match match) =>
        !secret.Contains('.', StringComparison.Ordinal) || Checksums.IsValidGitLabRoutableToken(secret, 6);

    public override IEnumerable<string> TruePositives()
    {
        yield return "reply_to = \"incoming+acme-api-42-glimt-" + TokenFormats.Mixed(25) + "-issue@incoming.gitlab.com\"";
        yield return "INCOMING_TOKEN=glimt-" + TokenFormats.Mixed(25);
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "token = glimt-" + new string('x', 25);
        yield return "token = myglimt-" + TokenFormats.Mixed(25);
        yield return "token = glimt-" + TokenFormats.Mixed(25) + "Z9";
        yield return "token: ${{ secrets.GITLAB_TOKEN }}";
        yield return "token = " + TokenFormats.BreakLastCharacter(TokenFormats.GitLabRoutable("glimt-"));
    }

    [GeneratedRegex(
        @"(?<![A-Za-z0-9_])glimt-(?:[A-Za-z0-9_-]{27,300}\.(?:[0-9a-z]{2}\.)?[0-9a-z]{9}|[A-Za-z0-9_-]{25})(?![A-Za-z0-9_])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }
}
