using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC145: X (Twitter) OAuth 1.0a access token secrets (45 alphanumerics) assigned to a Twitter or access-secret setting.</summary>
public sealed partial class TwitterAccessSecret : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC145",
        Name: "twitter-access-secret",
        Title: "X (Twitter) access token secret near a Twitter label",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.Medium)
    {
        Equivalents = ["gitleaks:twitter-access-secret"],
        Description = "Finds X (Twitter) OAuth 1.0a access token secrets (45 alphanumerics) assigned to a Twitter-named or access_token_secret setting. "
            + "The secret signs requests made with the user's access token.",
        Remediation = "Regenerate the access token and secret in the X developer portal and keep them in a secret store.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["twitter"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 4.0;

    [GeneratedRegex(
        @"(?i:twitter[\w.-]{0,30}?secret|access[_.-]?(?:token[_.-]?)?secret)[""']?\s{0,3}(?::=|=>|=|:)\s{0,3}[""'`]?(?<secret>[A-Za-z0-9]{45})(?![A-Za-z0-9])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }

    public override bool IsPlaceholder(string secret) => Placeholders.IsVariableReference(secret);

    public override IEnumerable<string> TruePositives()
    {
        yield return "TWITTER_ACCESS_TOKEN_SECRET=" + GenericSecretAssignment.SampleValue(45);
        yield return "twitter:\n  access_token_secret: \"" + GenericSecretAssignment.SampleValue(45) + "\"";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "TWITTER_ACCESS_TOKEN_SECRET=${TWITTER_ACCESS_TOKEN_SECRET}";
        yield return "TWITTER_ACCESS_TOKEN_SECRET=" + new string('0', 45);
        yield return "TWITTER_ACCESS_TOKEN_SECRET=" + Samples.Mixed(44) + "-";
    }
}
