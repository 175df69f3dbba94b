using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC011: an 84-character identifiable Azure DevOps PAT (<c>JQQJ99</c> signature, <c>AZDO</c> provider mark).</summary>
public sealed partial class AzureDevOpsIdentifiablePat : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC011",
        Name: "azure-devops-identifiable-pat",
        Title: "Azure DevOps personal access token",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.High)
    {
        Description = "Detects Azure DevOps personal access tokens in the 84-character identifiable format Microsoft introduced in 2024: "
            + "52 random base62 characters, the JQQJ99 common-annotated-key signature, a date code and the AZDO provider mark. "
            + "The fixed markers make a match near-certain without context. The token acts as its owner in the organization.",
        Remediation = "Revoke the token under User settings > Personal access tokens in Azure DevOps (admins can revoke any user's "
            + "tokens), then use System.AccessToken, a service principal or workload identity federation instead of a stored PAT.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["jqqj9"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 4.0;

    public override IEnumerable<string> TruePositives()
    {
        yield return "AZURE_DEVOPS_EXT_PAT=" + TokenFormats.AzureDevOpsIdentifiablePat();
        yield return "password: '" + TokenFormats.AzureDevOpsIdentifiablePat() + "'";
        yield return "git clone https://ci:" + TokenFormats.AzureDevOpsIdentifiablePat() + "@dev.azure.com/acme/platform/_git/api";
    }

    public override IEnumerable<string> FalsePositives()
    {
        var pat = TokenFormats.AzureDevOpsIdentifiablePat();
        yield return "token=" + pat.Replace("AZDO", "AZEG", StringComparison.Ordinal);
        yield return "token=" + pat[1..];
        yield return "token=x" + pat;
        yield return "token=" + new string('A', 52) + "JQQJ99AA" + new string('A', 16) + "AZDOAAAA";
    }

    // Anchored on the fixed signature, so the search is a vectorised IndexOf; the look-behind re-reads the whole key into "secret".
    [GeneratedRegex(
        @"JQQJ9[9D][A-Za-z0-9][A-L][A-Za-z0-9]{16}AZDO[A-Za-z0-9]{4}(?![A-Za-z0-9])(?<=(?<![A-Za-z0-9])(?<secret>[A-Za-z0-9]{52}JQQJ9[9D][A-Za-z0-9][A-L][A-Za-z0-9]{16}AZDO[A-Za-z0-9]{4}))",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }
}
