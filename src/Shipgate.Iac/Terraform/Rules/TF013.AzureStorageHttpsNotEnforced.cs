using Shipgate.Core;

namespace Shipgate.Iac.Terraform.Rules;

internal sealed class AzureStorageHttpsNotEnforced : TerraformRule
{
    private static readonly string[] Settings = ["https_traffic_only_enabled", "enable_https_traffic_only"];

    public override RuleMetadata Metadata { get; } = Define(
        "TF013", "azure-storage-https-not-enforced", "Azure storage account accepts plain HTTP or old TLS",
        Severity.Medium, Confidence.High,
        ["checkov:CKV_AZURE_3", "checkov:CKV_AZURE_44", "trivy:AZU-0008", "trivy:AZU-0011"],
        "An azurerm_storage_account sets https_traffic_only_enabled (formerly enable_https_traffic_only) to false, or min_tls_version to TLS1_0 or TLS1_1. Requests, shared keys and SAS tokens can then travel unencrypted or over broken protocol versions.",
        "Leave https_traffic_only_enabled at true and set min_tls_version = \"TLS1_2\".",
        "encryption", "azure");

    public override IEnumerable<Finding> Analyze(TerraformFile document, RuleContext context)
    {
        foreach (var account in document.ResourcesOf("azurerm_storage_account"))
        {
            foreach (var setting in Settings)
            {
                if (account.Bool(setting) == false)
                {
                    yield return Report(context, account.Attribute(setting)!, $"{account.Address} sets {setting} = false; the account accepts plain HTTP.", account.Address + "|" + setting);
                }
            }

            if (account.String("min_tls_version") is "TLS1_0" or "TLS1_1")
            {
                yield return Report(context, account.Attribute("min_tls_version")!, $"{account.Address} accepts {account.String("min_tls_version")}, a deprecated TLS version.", account.Address + "|tls");
            }
        }
    }
}
