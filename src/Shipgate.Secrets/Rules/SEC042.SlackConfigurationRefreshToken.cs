using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC042: a Slack app configuration refresh token (<c>xoxe-</c>).</summary>
public sealed partial class SlackConfigurationRefreshToken : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC042",
        Name: "slack-configuration-refresh-token",
        Title: "Slack app configuration refresh token",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.High)
    {
        Equivalents = ["gitleaks:slack-config-refresh-token"],
        Description = "Detects Slack app configuration refresh tokens (xoxe-1- followed by about 150 characters). A refresh token is "
            + "exchanged through tooling.tokens.rotate for new configuration access tokens, so a leak grants lasting control "
            + "over the manifests of the owner's Slack apps.",
        Remediation = "Revoke the configuration tokens at https://api.slack.com/apps (Your App Configuration Tokens > Revoke), review "
            + "app manifest changes, and keep refresh tokens only in a secret store.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["xoxe-"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 4.0;

    public override IEnumerable<string> TruePositives()
    {
        yield return "SLACK_CONFIG_REFRESH_TOKEN=xoxe-1-" + Body();
        yield return "\"refresh_token\": \"xoxe-1-" + Body() + "\"";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "refresh = xoxe-1-xxx";
        yield return "XOxE-RROAmw, Home and Garden, 5:24, 20120323";
        yield return "refresh = xoxe-1-" + new string('A', 150);
        yield return "refresh = xoxe-1-" + Body()[..90];
    }

    private static string Body() =>
        Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes("3-1-" + TokenFormats.Digits(12) + "-" + TokenFormats.Digits(13) + "-"
            + TokenFormats.Digits(13) + "-" + TokenFormats.Hex(64))).TrimEnd('=');

    [GeneratedRegex(
        @"(?<![A-Za-z0-9_.-])xoxe-[0-9]-[A-Za-z0-9]{140,200}(?![A-Za-z0-9_-])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }
}
