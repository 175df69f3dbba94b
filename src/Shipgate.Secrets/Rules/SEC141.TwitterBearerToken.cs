using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC141: X (Twitter) OAuth 2.0 app-only bearer tokens: a run of <c>A</c> characters followed by a URL-encoded random tail.</summary>
public sealed partial class TwitterBearerToken : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC141",
        Name: "twitter-bearer-token",
        Title: "X (Twitter) app-only bearer token",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.High)
    {
        Equivalents = ["gitleaks:twitter-bearer-token"],
        Description = "Finds X (Twitter) API v2 app-only bearer tokens, which start with a run of A characters followed by a URL-encoded random part. "
            + "The token reads public and protected data the app can access and spends the app's API quota.",
        Remediation = "Regenerate the bearer token in the X developer portal (Keys and tokens), and read it from an environment variable or secret store.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["AAAAAAAAAAAAAAAAAAAA"];

    public override Regex Pattern => Token;

    [GeneratedRegex(
        @"(?<![A-Za-z0-9%])AAAAAAAAAAAAAAAAAAAA[A-Za-z0-9%]{80,120}(?![A-Za-z0-9%])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }

    public override bool IsPlaceholder(string secret) => Placeholders.IsVariableReference(secret);

    public override bool IsValid(string secret, Match match)
    {
        var tail = secret.TrimStart('A');
        return tail.Length >= 60 && tail.Any(char.IsAsciiDigit) && Entropy.Shannon(tail) >= 4.0;
    }

    private static string Sample() =>
        new string('A', 21) + Samples.AlphaNumeric(4) + new string('A', 8) + Samples.From(Samples.Digits, 1) + "%2B" + Samples.AlphaNumeric(30) + "%3D" + Samples.AlphaNumeric(40);

    public override IEnumerable<string> TruePositives()
    {
        yield return "TWITTER_BEARER_TOKEN=" + Sample();
        yield return "client = tweepy.Client(bearer_token=\"" + Sample() + "\")";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "TWITTER_BEARER_TOKEN=" + new string('A', 100);
        yield return "TWITTER_BEARER_TOKEN=${TWITTER_BEARER_TOKEN}";
        yield return "data:application/octet-stream;base64," + new string('A', 40) + Samples.From(Samples.Lower, 60);
    }
}
