using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC033: GitLab feature flag client token (<c>glffct-</c>, legacy or routable form).</summary>
public sealed partial class GitLabFeatureFlagClientToken : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC033",
        Name: "gitlab-feature-flag-client-token",
        Title: "GitLab feature flag client token",
        Category: Category.Secrets,
        DefaultSeverity: Severity.Low,
        Confidence: Confidence.High)
    {
        Equivalents = ["gitleaks:gitlab-feature-flag-client-token"],
        Description = "Detects GitLab feature flag client tokens (glffct-), the instance ID Unleash clients use to read a project's "
            + "feature flags. It is read-only, but exposes flag names, strategies and user lists, which can reveal unreleased "
            + "features and customer identifiers.",
        Remediation = "Reset the instance ID under Deploy > Feature flags > Configure, update the Unleash clients, and pass the value "
            + "through environment configuration instead of source.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["glffct-"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 3.0;

    public override bool IsValid(string secret, Match match) =>
        !secret.Contains('.', StringComparison.Ordinal) || Checksums.IsValidGitLabRoutableToken(secret, 7);

    public override IEnumerable<string> TruePositives()
    {
        yield return "UNLEASH_INSTANCE_ID=glffct-" + TokenFormats.Mixed(20);
        yield return "new UnleashClient({ url: \"https://gitlab.com/api/v4/feature_flags/unleash/42\", instanceId: \"glffct-" + TokenFormats.Mixed(20) + "\" })";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "token = glffct-" + new string('x', 20);
        yield return "token = myglffct-" + TokenFormats.Mixed(20);
        yield return "token = glffct-" + TokenFormats.Mixed(20) + "Z9";
        yield return "token: ${{ secrets.GITLAB_TOKEN }}";
        yield return "token = " + TokenFormats.BreakLastCharacter(TokenFormats.GitLabRoutable("glffct-"));
    }

    [GeneratedRegex(
        @"(?<![A-Za-z0-9_-])glffct-(?:[A-Za-z0-9_-]{27,300}\.(?:[0-9a-z]{2}\.)?[0-9a-z]{9}|[A-Za-z0-9_-]{20})(?![A-Za-z0-9_-])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }
}
