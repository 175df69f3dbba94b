using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC133: Legacy 24-character Atlassian API tokens assigned to a Jira, Confluence or Atlassian setting.</summary>
public sealed partial class AtlassianLegacyApiToken : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC133",
        Name: "atlassian-legacy-api-token",
        Title: "Atlassian legacy API token near a Jira or Confluence label",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.Medium)
    {
        Equivalents = ["gitleaks:atlassian-api-token"],
        Description = "Finds 24-character Atlassian API tokens (the format used before ATATT3 tokens) when they are assigned to a Jira, Confluence or Atlassian variable. "
            + "Such tokens are still valid until revoked and carry their user's full permissions.",
        Remediation = "Revoke the token at id.atlassian.com > Security > API tokens, create a new scoped token, and keep it in a secret store.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["jira", "confluence", "atlassian"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 3.3;

    [GeneratedRegex(
        @"(?:(?-i:JIRA|[Jj]ira|CONFLUENCE|[Cc]onfluence|ATLASSIAN|[Aa]tlassian))[\w.-]{0,30}?[""']?\s{0,3}(?::=|=>|=|:)\s{0,3}[""'`]?(?<secret>[A-Za-z0-9]{24})(?![A-Za-z0-9])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }

    public override bool IsPlaceholder(string secret) => Placeholders.IsVariableReference(secret);

    public override bool IsValid(string secret, Match match) => secret.Any(char.IsAsciiDigit) && secret.Any(char.IsAsciiLetter);

    public override IEnumerable<string> TruePositives()
    {
        yield return "JIRA_API_TOKEN=" + GenericSecretAssignment.SampleValue(24);
        yield return "confluence_token: \"" + GenericSecretAssignment.SampleValue(24) + "\"";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "JIRA_API_TOKEN=${JIRA_API_TOKEN}";
        yield return "jira_project_key: PLATFORMENGINEERINGTEAMS";
        yield return "JIRA_BASE_URL=https://corp.atlassian.net";
        yield return "jira_user = " + Samples.From(Samples.Lower, 24);
    }
}
