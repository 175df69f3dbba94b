using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC143: X (Twitter) consumer secrets (50 alphanumerics) assigned to a Twitter or consumer-secret setting.</summary>
public sealed partial class TwitterApiSecret : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC143",
        Name: "twitter-api-secret",
        Title: "X (Twitter) API secret near a Twitter label",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.Medium)
    {
        Equivalents = ["gitleaks:twitter-api-secret"],
        Description = "Finds X (Twitter) API secrets (consumer secrets, 50 alphanumerics) assigned to a Twitter-named setting. "
            + "Together with the API key it signs requests as your app and can obtain access tokens for users who authorise it.",
        Remediation = "Regenerate the API key and secret in the X developer portal, and keep them in a secret store.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["twitter"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 4.0;

    [GeneratedRegex(
        @"(?i:twitter[\w.-]{0,30}?(?:api|consumer)[_.-]?secret|consumer[_.-]?secret|twitter[_.-]?secret)[""']?\s{0,3}(?::=|=>|=|:)\s{0,3}[""'`]?(?<secret>[A-Za-z0-9]{50})(?![A-Za-z0-9])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }

    public override bool IsPlaceholder(string secret) => Placeholders.IsVariableReference(secret);

    public override IEnumerable<string> TruePositives()
    {
        yield return "TWITTER_API_SECRET=" + GenericSecretAssignment.SampleValue(50);
        yield return "twitter:\n  consumer_secret: '" + GenericSecretAssignment.SampleValue(50) + "'";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "TWITTER_API_SECRET=${TWITTER_API_SECRET}";
        yield return "TWITTER_API_SECRET=" + new string('x', 50);
        yield return "TWITTER_API_SECRET=" + Samples.Mixed(30);
    }
}
