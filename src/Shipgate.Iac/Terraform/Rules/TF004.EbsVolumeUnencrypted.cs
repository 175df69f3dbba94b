using Shipgate.Core;

namespace Shipgate.Iac.Terraform.Rules;

internal sealed class EbsVolumeUnencrypted : TerraformRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "TF004", "ebs-volume-unencrypted", "EBS volume is not encrypted",
        Severity.Medium, Confidence.Medium,
        ["checkov:CKV_AWS_3", "trivy:AWS-0026"],
        "An aws_ebs_volume does not set encrypted = true. Unless account-wide default encryption is on, the volume, its snapshots and any copies shared from them are stored in clear.",
        "Set encrypted = true (and kms_key_id for a customer-managed key), or enable EBS encryption by default with aws_ebs_encryption_by_default.",
        "encryption");

    public override IEnumerable<Finding> Analyze(TerraformFile document, RuleContext context)
    {
        if (document.ResourcesOf("aws_ebs_encryption_by_default").Any(r => r.Bool("enabled") != false))
        {
            yield break;
        }

        foreach (var volume in document.ResourcesOf("aws_ebs_volume"))
        {
            var encrypted = volume.Bool("encrypted");
            if (encrypted == false || (encrypted is null && volume.Attribute("encrypted") is null))
            {
                yield return Report(context, At(volume, "encrypted"), $"{volume.Address} is not encrypted (encrypted is {(encrypted == false ? "false" : "unset")}).", volume.Address);
            }
        }
    }
}
