using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC131: Legacy Hugging Face organization API tokens: <c>api_org_</c> + 34 letters.</summary>
public sealed partial class HuggingFaceOrgApiToken : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC131",
        Name: "huggingface-org-api-token",
        Title: "Hugging Face organization API token",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.High)
    {
        Equivalents = ["gitleaks:huggingface-organization-api-token"],
        Description = "Finds legacy Hugging Face organization API tokens (api_org_ followed by 34 letters). "
            + "They act for the whole organization and can read and write its private models and datasets.",
        Remediation = "Delete the organization token in the organization settings and move to fine-grained user tokens scoped to the organization's repositories.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["api_org_"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 3.5;

    [GeneratedRegex(
        @"(?<![A-Za-z0-9_])api_org_[A-Za-z]{34}(?![A-Za-z0-9_])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }

    public override bool IsPlaceholder(string secret) => Placeholders.IsVariableReference(secret);

    public override bool IsValid(string secret, Match match) => secret.Skip(8).Any(char.IsAsciiLetterUpper) && secret.Skip(8).Any(char.IsAsciiLetterLower);

    public override IEnumerable<string> TruePositives()
    {
        yield return "HUGGINGFACE_ORG_TOKEN=api_org_" + Samples.From(Samples.Upper + Samples.Lower, 32) + "Xy";
        yield return "token: \"api_org_" + Samples.From(Samples.Upper + Samples.Lower, 32) + "kL\"";
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "token: api_org_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";
        yield return "api_org_name = \"my-org\"";
        yield return "token: api_org_" + Samples.From(Samples.Lower, 34);
    }
}
