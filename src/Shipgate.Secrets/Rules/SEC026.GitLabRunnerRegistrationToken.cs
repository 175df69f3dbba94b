using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC026: GitLab runner registration token (<c>GR1348941</c>, legacy form).</summary>
public sealed partial class GitLabRunnerRegistrationToken : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC026",
        Name: "gitlab-runner-registration-token",
        Title: "GitLab runner registration token",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.High)
    {
        Equivalents = ["gitleaks:gitlab-rrt"],
        Description = "Detects legacy GitLab runner registration tokens, GR1348941 followed by 20 characters. The token lets anyone "
            + "register a new runner for the project, group or instance and receive its CI jobs, including source code and "
            + "CI/CD variables. Registration tokens are deprecated in favour of runner authentication tokens.",
        Remediation = "Reset the registration token under Settings > CI/CD > Runners (or Admin Area > Runners), remove runners you do "
            + "not recognise, and move to the runner creation workflow with glrt- authentication tokens kept in a secret "
            + "store.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["gr1348941"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 3.0;

    public override IEnumerable<string> TruePositives()
    {
        yield return "gitlab-runner register --url https://gitlab.com/ --registration-token GR1348941" + TokenFormats.Mixed(20);
        yield return "REGISTRATION_TOKEN=\"GR1348941" + TokenFormats.Mixed(20) + "\"";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "token = GR1348941" + new string('x', 20);
        yield return "token = myGR1348941" + TokenFormats.Mixed(20);
        yield return "token = GR1348941" + TokenFormats.Mixed(20) + "Z9";
        yield return "token: ${{ secrets.GITLAB_TOKEN }}";
    }

    [GeneratedRegex(
        @"(?<![A-Za-z0-9_-])GR1348941[A-Za-z0-9_-]{20}(?![A-Za-z0-9_-])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }
}
