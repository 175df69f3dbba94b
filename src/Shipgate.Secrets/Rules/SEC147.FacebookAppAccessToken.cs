using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC147: Meta (Facebook) app access tokens: <c>&lt;app id&gt;|&lt;app secret&gt;</c> (15–16 digit app id, pipe or <c>%7C</c>, secret).</summary>
public sealed partial class FacebookAppAccessToken : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC147",
        Name: "facebook-app-access-token",
        Title: "Meta (Facebook) app access token",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.Medium)
    {
        Equivalents = ["gitleaks:facebook-access-token"],
        Description = "Finds Meta (Facebook) app access tokens, the app id and app secret joined by a pipe (or its URL encoding %7C), in text that mentions Facebook. "
            + "The value contains the app secret itself and authorises app-level Graph API calls such as debugging tokens or changing app settings.",
        Remediation = "Reset the app secret in the Meta App Dashboard (Settings > Basic), and build app tokens at run time from a secret store.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["facebook", "graph.fb", "fb_"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 3.0;

    [GeneratedRegex(
        @"(?<![0-9A-Za-z])[0-9]{15,16}(?:\||%7C)(?<secret>[a-f0-9]{32}|[A-Za-z0-9_-]{27})(?![A-Za-z0-9_-])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }

    public override bool IsPlaceholder(string secret) => Placeholders.IsVariableReference(secret);

    public override IEnumerable<string> TruePositives()
    {
        yield return "FACEBOOK_APP_TOKEN=" + Samples.From(Samples.Digits, 15) + "|" + Samples.Hex(32);
        yield return "https://graph.facebook.com/debug_token?input_token=x&access_token=" + Samples.From(Samples.Digits, 16) + "%7C" + Samples.Hex(32);
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "FACEBOOK_APP_TOKEN=${FB_APP_ID}|${FB_APP_SECRET}";
        yield return "facebook order " + Samples.From(Samples.Digits, 15) + "|" + new string('0', 32);
        yield return "facebook timestamp|1700000000|" + Samples.Hex(32);
    }
}
