using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC142: X (Twitter) consumer API keys (25 alphanumerics) assigned to a Twitter or consumer-key setting.</summary>
public sealed partial class TwitterApiKey : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC142",
        Name: "twitter-api-key",
        Title: "X (Twitter) API key near a Twitter label",
        Category: Category.Secrets,
        DefaultSeverity: Severity.Medium,
        Confidence: Confidence.Medium)
    {
        Equivalents = ["gitleaks:twitter-api-key"],
        Description = "Finds X (Twitter) API keys (consumer keys, 25 alphanumerics) assigned to a Twitter-named setting or a consumer_key field in a file that mentions Twitter. "
            + "With the matching secret the key identifies your app and can request user tokens in its name.",
        Remediation = "Regenerate the API key and secret in the X developer portal and load both from the environment.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["twitter"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 3.3;

    [GeneratedRegex(
        @"(?i:twitter[\w.-]{0,30}?(?:api|consumer)[_.-]?key|consumer[_.-]?key|twitter[_.-]?key)[""']?\s{0,3}(?::=|=>|=|:)\s{0,3}[""'`]?(?<secret>[A-Za-z0-9]{25})(?![A-Za-z0-9])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }

    public override bool IsPlaceholder(string secret) => Placeholders.IsVariableReference(secret);

    public override bool IsValid(string secret, Match match) => secret.Any(char.IsAsciiLetterUpper) && secret.Any(char.IsAsciiLetterLower);

    public override IEnumerable<string> TruePositives()
    {
        yield return "TWITTER_API_KEY=" + GenericSecretAssignment.SampleValue(25);
        yield return "twitter:\n  consumer_key: \"" + GenericSecretAssignment.SampleValue(25) + "\"";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "TWITTER_API_KEY=${TWITTER_API_KEY}";
        yield return "TWITTER_API_KEY=" + Samples.From(Samples.Lower, 25);
        yield return "twitter_consumer_key = os.environ[\"TWITTER_CONSUMER_KEY\"]";
    }
}
