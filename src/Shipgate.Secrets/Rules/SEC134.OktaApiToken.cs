using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC134: Okta API (SSWS) tokens: <c>00</c> + 40 characters, next to an Okta label or in an <c>SSWS</c> header.</summary>
public sealed partial class OktaApiToken : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC134",
        Name: "okta-api-token",
        Title: "Okta API token",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.Medium)
    {
        Equivalents = ["gitleaks:okta-access-token"],
        Description = "Finds Okta API tokens (00 followed by 40 characters) assigned to an Okta setting or sent in the SSWS authorization header. "
            + "An API token has the administrator role of the user who created it, often super administrator: users, groups, applications and sign-on policies.",
        Remediation = "Revoke the token in the Okta Admin Console (Security > API > Tokens), and replace it with an OAuth 2.0 service app using scoped access tokens.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["okta", "ssws"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 3.8;

    [GeneratedRegex(
        @"(?:(?-i:OKTA|[Oo]kta)(?:[\w.-]{0,30}?|:[\s\S]{0,80}?(?i:token|api[_-]?key))[""']?\s{0,3}(?::=|=>|=|:)\s{0,3}[""'`]?|SSWS[ \t]+)(?<secret>00[A-Za-z0-9_-]{40})(?![A-Za-z0-9_-])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }

    public override bool IsPlaceholder(string secret) => Placeholders.IsVariableReference(secret);

    public override IEnumerable<string> TruePositives()
    {
        yield return "OKTA_API_TOKEN=00" + Samples.Base64Url(40);
        yield return "curl -H \"Authorization: SSWS 00" + Samples.Base64Url(40) + "\" https://corp.okta.com/api/v1/users";
        yield return "okta:\n  client:\n    token: 00" + Samples.Base64Url(40);
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "OKTA_API_TOKEN=${OKTA_API_TOKEN}";
        yield return "okta_org_url: https://corp.okta.com";
        yield return "OKTA_API_TOKEN=00" + new string('0', 40);
        yield return "OKTA_CLIENT_ID=0oa" + Samples.AlphaNumeric(17);
    }
}
