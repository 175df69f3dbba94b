using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC039: a Slack workspace app access or refresh token (<c>xoxa-</c>, <c>xoxr-</c>).</summary>
public sealed partial class SlackLegacyWorkspaceToken : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC039",
        Name: "slack-legacy-workspace-token",
        Title: "Slack workspace app token",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.Medium)
    {
        Equivalents = ["gitleaks:slack-legacy-workspace-token"],
        Description = "Detects tokens of retired Slack workspace apps and token rotation: xoxa- access tokens and xoxr- refresh "
            + "tokens. The format is loosely documented, so the rule requires a long random tail. Such tokens act for the "
            + "whole workspace installation, and a refresh token can mint new access tokens.",
        Remediation = "Revoke the tokens with auth.revoke or by uninstalling the app from the workspace, migrate to a current Slack "
            + "app with token rotation, and keep tokens in a secret store.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["xoxa-", "xoxr-"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 3.3;

    public override IEnumerable<string> TruePositives()
    {
        yield return "\"access_token\": \"xoxa-2-" + TokenFormats.Digits(9) + "-" + TokenFormats.Digits(11) + "-" + TokenFormats.Digits(13) + "-" + TokenFormats.Hex(32) + "\"";
        yield return "SLACK_REFRESH_TOKEN=xoxr-1-" + TokenFormats.Mixed(40);
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "https://github.com/xoxa-nyc/xoxa-nyc.github.io/blob/master/README.md";
        yield return "SLACK_REFRESH_TOKEN=xoxr-" + new string('x', 30);
        yield return "token = xoxa-faketoken";
        yield return "SLACK_REFRESH_TOKEN=${SLACK_REFRESH_TOKEN}";
    }

    [GeneratedRegex(
        @"(?<![A-Za-z0-9_.-])xox[ar]-(?:[0-9]-)?(?:[0-9]{6,14}-){0,3}[A-Za-z0-9]{12,64}(?![A-Za-z0-9_-])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }
}
