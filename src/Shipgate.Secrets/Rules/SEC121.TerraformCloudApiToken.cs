using System.Text.RegularExpressions;
using Shipgate.Core;
using Shipgate.Secrets.Detection;

namespace Shipgate.Secrets.Rules;

/// <summary>SEC121: HCP Terraform / Terraform Enterprise API tokens: 14 characters, <c>.atlasv1.</c>, then 60–70 characters.</summary>
public sealed partial class TerraformCloudApiToken : SecretPattern
{
    public override RuleMetadata Metadata { get; } = new(
        Id: "SEC121",
        Name: "terraform-cloud-api-token",
        Title: "HCP Terraform (Terraform Cloud) API token",
        Category: Category.Secrets,
        DefaultSeverity: Severity.High,
        Confidence: Confidence.High)
    {
        Equivalents = ["gitleaks:hashicorp-tf-api-token"],
        Description = "Finds HCP Terraform (Terraform Cloud) and Terraform Enterprise API tokens, recognisable by the .atlasv1. "
            + "separator. "
            + "User, team and organization tokens can queue runs that apply infrastructure changes with the workspace's cloud credentials.",
        Remediation = "Revoke the token in HCP Terraform (User settings > Tokens, or the team/organization API token page) and use dynamic provider credentials or a short-lived team token stored as a CI secret.",
        Tags = ["security", "secret", "cwe-798"],
    };

    public override IReadOnlyList<string> Keywords { get; } = ["atlasv1"];

    public override Regex Pattern => Token;

    public override double? MinEntropy => 3.5;

    [GeneratedRegex(
        @"(?<![A-Za-z0-9])[A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_=-]{60,70}(?![A-Za-z0-9_=-])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: SecretPattern.RegexTimeoutMilliseconds)]
    private static partial Regex Token { get; }

    public override bool IsPlaceholder(string secret) => Placeholders.IsVariableReference(secret);

    public override IEnumerable<string> TruePositives()
    {
        yield return "credentials \"app.terraform.io\" {\n  token = \"" + Samples.AlphaNumeric(14) + ".atlasv1." + Samples.Base64Url(67) + "\"\n}";
        yield return "TF_TOKEN_app_terraform_io=" + Samples.AlphaNumeric(14) + ".atlasv1." + Samples.AlphaNumeric(64);
    }

    public override IEnumerable<string> FalsePositives()
    {
        yield return "TF_TOKEN_app_terraform_io=${{ secrets.TF_API_TOKEN }}";
        yield return "token = \"xxxxxxxxxxxxxx.atlasv1.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"";
        yield return "token = \"" + Samples.AlphaNumeric(14) + ".atlasv1." + Samples.AlphaNumeric(20) + "\"";
    }
}
