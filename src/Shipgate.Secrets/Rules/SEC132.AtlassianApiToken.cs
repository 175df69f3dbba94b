using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC132: Atlassian Cloud API tokens (Jira, Confluence, Bitbucket): <c>ATATT3</c> + 186 characters.</summary>
public sealed partial class AtlassianApiToken : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC132",
        Name: "atlassian-api-token",
        Title: "Atlassian API token",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.High)
    {
        Equivalents = ["gitleaks:atlassian-api-token"],
        Description = "Finds Atlassian Cloud API tokens (ATATT3 followed by 186 characters), used with an e-mail address for Jira, Confluence and Bitbucket Cloud REST APIs. "
            + "A token acts with all of its user's permissions across the Atlassian site.",
        Remediation = "Revoke the token at id.atlassian.com > Security > API tokens, create a scoped token with an expiry, and supply it from the CI secret store.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["ATATT3"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 4.0;

    [GeneratedRegex(
        @"(?<![A-Za-z0-9_-])ATATT3[A-Za-z0-9_=-]{186}(?![A-Za-z0-9_=-])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }

    public override bool IsPlaceholder(string secret) => Placeholders.IsVariableReference(secret);

    public override IEnumerable<string> TruePositives()
    {
        yield return "JIRA_API_TOKEN=ATATT3xFfGF0" + Samples.Base64Url(171) + "=" + Samples.From(Samples.UpperHex, 8);
        yield return "curl -u bot@corp.example:ATATT3" + Samples.Base64Url(177) + "=" + Samples.From(Samples.UpperHex, 8) + " https://corp.atlassian.net/rest/api/3/myself";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "JIRA_API_TOKEN=ATATT3xFfGF0...";
        yield return "JIRA_API_TOKEN=${JIRA_API_TOKEN}";
        yield return "JIRA_API_TOKEN=ATATT3" + Samples.Base64Url(100);
    }
}
