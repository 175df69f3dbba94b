using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC148: Meta (Facebook) app secrets (32 hexadecimal characters) assigned to a Facebook/FB secret setting.</summary>
public sealed partial class FacebookAppSecret : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC148",
        Name: "facebook-app-secret",
        Title: "Meta (Facebook) app secret near a Facebook label",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.Medium)
    {
        Equivalents = ["gitleaks:facebook-secret"],
        Description = "Finds Meta (Facebook) app secrets, 32 hexadecimal characters, assigned to a Facebook- or FB-named secret setting. "
            + "The app secret signs app access tokens and verifies webhooks; with it an attacker acts as your app.",
        Remediation = "Reset the app secret in the Meta App Dashboard (Settings > Basic > App secret > Reset), and load it from a secret store.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["facebook", "fb_", "fb."];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 3.0;

    [GeneratedRegex(
        @"(?i:facebook|fb)[\w.-]{0,20}?(?i:secret)[\w.-]{0,10}[""']?\s{0,3}(?::=|=>|=|:)\s{0,3}[""'`]?(?<secret>[a-f0-9]{32})(?![A-Za-z0-9])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }

    public override bool IsPlaceholder(string secret) => Placeholders.IsVariableReference(secret);

    public override IEnumerable<string> TruePositives()
    {
        yield return "FACEBOOK_APP_SECRET=" + Samples.Hex(32);
        yield return "fb_app_secret: \"" + Samples.Hex(32) + "\"";
        yield return "'facebook_client_secret' => '" + Samples.Hex(32) + "',";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "FACEBOOK_APP_SECRET=${FACEBOOK_APP_SECRET}";
        yield return "FACEBOOK_APP_SECRET=" + new string('0', 32);
        yield return "FACEBOOK_APP_ID=" + Samples.From(Samples.Digits, 16);
    }
}
