using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC144: X (Twitter) OAuth 1.0a user access tokens (<c>&lt;user id&gt;-&lt;random&gt;</c>) assigned to a Twitter or access-token setting.</summary>
public sealed partial class TwitterAccessToken : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC144",
        Name: "twitter-access-token",
        Title: "X (Twitter) user access token near a Twitter label",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.Medium)
    {
        Equivalents = ["gitleaks:twitter-access-token"],
        Description = "Finds X (Twitter) OAuth 1.0a user access tokens, a numeric user id, a hyphen and 20 to 40 alphanumerics, assigned to a Twitter-named or access_token setting. "
            + "With the app credentials the token posts, deletes and reads direct messages as that user.",
        Remediation = "Revoke the token by regenerating it in the X developer portal (or revoking the app's access from the user's account settings), and store the replacement in a secret store.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["twitter"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 3.5;

    [GeneratedRegex(
        @"(?i:twitter[\w.-]{0,30}?|access[_.-]?token)[""']?\s{0,3}(?::=|=>|=|:)\s{0,3}[""'`]?(?<secret>[0-9]{15,25}-[A-Za-z0-9]{20,40})(?![A-Za-z0-9])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }

    public override bool IsPlaceholder(string secret) => Placeholders.IsVariableReference(secret);

    public override IEnumerable<string> TruePositives()
    {
        yield return "TWITTER_ACCESS_TOKEN=" + Samples.From(Samples.Digits, 19) + "-" + GenericSecretAssignment.SampleValue(31);
        yield return "twitter:\n  access_token: \"" + Samples.From(Samples.Digits, 18) + "-" + GenericSecretAssignment.SampleValue(30) + "\"";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "TWITTER_ACCESS_TOKEN=${TWITTER_ACCESS_TOKEN}";
        yield return "twitter_order_id=" + Samples.From(Samples.Digits, 19) + "-" + Samples.From(Samples.Digits, 20);
        yield return "TWITTER_ACCESS_TOKEN=" + Samples.From(Samples.Digits, 19) + "-short";
    }
}
