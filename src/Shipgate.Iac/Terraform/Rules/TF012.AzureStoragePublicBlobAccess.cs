using Shipgate.Core;

namespace Shipgate.Iac.Terraform.Rules;

internal sealed class AzureStoragePublicBlobAccess : TerraformRule
{
    private static readonly string[] Settings = ["allow_nested_items_to_be_public", "allow_blob_public_access"];

    public override RuleMetadata Metadata { get; } = Define(
        "TF012", "azure-storage-public-blob-access", "Azure storage account allows public blob access",
        Severity.High, Confidence.High,
        ["checkov:CKV_AZURE_190", "trivy:AZU-0007"],
        "An azurerm_storage_account sets allow_nested_items_to_be_public (formerly allow_blob_public_access) to true, so any container in it can be switched to anonymous read access, and one misconfigured container exposes its blobs to the internet.",
        "Set allow_nested_items_to_be_public = false and share data through SAS tokens or Azure AD-authorised access.",
        "public-access", "azure");

    public override IEnumerable<Finding> Analyze(TerraformFile document, RuleContext context)
    {
        foreach (var account in document.ResourcesOf("azurerm_storage_account"))
        {
            foreach (var setting in Settings)
            {
                if (account.Bool(setting) == true)
                {
                    yield return Report(context, account.Attribute(setting)!, $"{account.Address} sets {setting} = true; containers can be made public.", account.Address + "|" + setting);
                }
            }
        }

        foreach (var container in document.ResourcesOf("azurerm_storage_container"))
        {
            if (container.String("container_access_type") is "blob" or "container")
            {
                yield return Report(context, container.Attribute("container_access_type")!, $"{container.Address} allows anonymous read access (container_access_type = \"{container.String("container_access_type")}\").", container.Address);
            }
        }
    }
}
