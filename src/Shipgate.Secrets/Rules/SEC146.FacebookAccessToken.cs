using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC146: Meta (Facebook) user and page access tokens: <c>EAA</c> followed by a long random alphanumeric body (for example <c>EAACEdEose0cBA…</c>).</summary>
public sealed partial class FacebookAccessToken : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC146",
        Name: "facebook-access-token",
        Title: "Meta (Facebook) Graph API access token",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.High)
    {
        Equivalents = ["gitleaks:facebook-page-access-token"],
        Description = "Finds Meta (Facebook, Instagram, WhatsApp Business) Graph API access tokens, which start with EAA and continue with a long random body. "
            + "Page and system-user tokens post as the page, read its messages and, for long-lived tokens, stay valid for months.",
        Remediation = "Invalidate the token (change the page role, remove the app, or reset the app secret for app-wide invalidation), and fetch tokens at run time with a system user stored in a secret store.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["EAA"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 4.0;

    [GeneratedRegex(
        @"(?<![A-Za-z0-9])EAA[A-Z][A-Za-z0-9]{90,400}(?![A-Za-z0-9])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }

    public override bool IsPlaceholder(string secret) => Placeholders.IsVariableReference(secret);

    public override bool IsValid(string secret, Match match) => secret.Any(char.IsAsciiDigit) && secret.Skip(4).Any(char.IsAsciiLetterLower);

    public override IEnumerable<string> TruePositives()
    {
        yield return "FB_PAGE_TOKEN=EAACEdEose0cBA" + GenericSecretAssignment.SampleValue(150);
        yield return "graph = facebook.GraphAPI(access_token=\"EAAG" + GenericSecretAssignment.SampleValue(180) + "\")";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "FB_PAGE_TOKEN=${FB_PAGE_TOKEN}";
        yield return "FB_PAGE_TOKEN=EAAC" + new string('x', 120);
        yield return "FB_PAGE_TOKEN=EAAG" + Samples.Mixed(40);
    }
}
