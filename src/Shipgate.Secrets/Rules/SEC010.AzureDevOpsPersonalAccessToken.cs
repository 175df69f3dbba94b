using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC010: a legacy 52-character Azure DevOps personal access token near an Azure DevOps keyword or URL.</summary>
public sealed partial class AzureDevOpsPersonalAccessToken : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC010",
        Name: "azure-devops-personal-access-token",
        Title: "Azure DevOps personal access token (legacy format)",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.Medium)
    {
        Description = "Detects legacy Azure DevOps personal access tokens, 52 lower-case base32 characters, when they appear next to an "
            + "Azure DevOps name (AZURE_DEVOPS_EXT_PAT, ado_pat, vsts) or in a dev.azure.com / visualstudio.com clone URL. The format has "
            + "no public prefix, so context is required. A PAT acts as its owner across the organization within its scopes: "
            + "repositories, pipelines, artifact feeds and often service connections.",
        Remediation = "Revoke the token under User settings > Personal access tokens (or let an organization admin revoke it via the "
            + "PAT lifecycle API), then use a pipeline's System.AccessToken, a service principal or workload identity federation "
            + "instead of a stored PAT.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } =
        ["devops", "vsts", "visualstudio.com", "dev.azure.com", "ado_", "ado-", "adopat", "azure_pat", "azure-pat"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 3.8;

    public override IEnumerable<string> TruePositives()
    {
        yield return "export AZURE_DEVOPS_EXT_PAT=" + TokenFormats.AzureDevOpsLegacyPat();
        yield return "git clone https://build:" + TokenFormats.AzureDevOpsLegacyPat() + "@dev.azure.com/acme/platform/_git/api";
        yield return "vsts_token: \"" + TokenFormats.AzureDevOpsLegacyPat() + "\"";
        yield return "ADO_PAT=" + TokenFormats.AzureDevOpsLegacyPat();
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "AZURE_DEVOPS_EXT_PAT=$(System.AccessToken)";
        yield return "export CHECKSUM=" + TokenFormats.AzureDevOpsLegacyPat();
        yield return "AZURE_DEVOPS_EXT_PAT=" + TokenFormats.Random(TokenFormats.Base32Lower, 51);
        yield return "devops_token = \"" + TokenFormats.AzureDevOpsLegacyPat() + "Q\"";
    }

    // The URL form is anchored on "@": the look-behind reads the 52-character token in front of it into "secret".
    [GeneratedRegex(
        @"(?i:devops|vsts|visualstudio\.com|dev\.azure\.com|\bado[_-]|adopat|azure[_-]pat)[^\r\n]{0,60}?(?<![A-Za-z0-9])(?<secret>[a-z2-7]{52})(?![A-Za-z0-9])|(?<=(?<![A-Za-z0-9])(?<secret>[a-z2-7]{52}))@(?:dev\.azure\.com|[A-Za-z0-9-]{1,63}\.visualstudio\.com)",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }
}
