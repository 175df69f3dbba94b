using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC031: GitLab feed token (<c>glft-</c>, legacy or routable form).</summary>
public sealed partial class GitLabFeedToken : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC031",
        Name: "gitlab-feed-token",
        Title: "GitLab feed token",
        Category: Category.Secrets,
        DefaultSeverity: Severity.Medium,
        Confidence: Confidence.High)
    {
        Equivalents = ["gitleaks:gitlab-feed-token"],
        Description = "Detects GitLab feed tokens (glft-), which authenticate RSS and Atom activity feeds and iCalendar issue feeds. "
            + "The token is read-only but exposes issue titles, activity and project names from private projects the user can "
            + "see.",
        Remediation = "Reset the feed token under User settings > Access tokens > Feed token and re-subscribe feed readers with the "
            + "new URL.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["glft-"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 3.0;

    public override bool IsValid(string secret, Match match) =>
        !secret.Contains('.', StringComparison.Ordinal) || Checksums.IsValidGitLabRoutableToken(secret, 5);

    public override IEnumerable<string> TruePositives()
    {
        yield return "https://gitlab.com/dashboard/issues.atom?feed_token=glft-" + TokenFormats.Mixed(20) + "&state=opened";
        yield return "feed_token: glft-" + TokenFormats.Mixed(20);
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "token = glft-" + new string('x', 20);
        yield return "token = myglft-" + TokenFormats.Mixed(20);
        yield return "token = glft-" + TokenFormats.Mixed(20) + "Z9";
        yield return "token: ${{ secrets.GITLAB_TOKEN }}";
        yield return "token = " + TokenFormats.BreakLastCharacter(TokenFormats.GitLabRoutable("glft-"));
    }

    [GeneratedRegex(
        @"(?<![A-Za-z0-9_-])glft-(?:[A-Za-z0-9_-]{27,300}\.(?:[0-9a-z]{2}\.)?[0-9a-z]{9}|[A-Za-z0-9_-]{20})(?![A-Za-z0-9_-])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }
}
