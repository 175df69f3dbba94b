using Shipgate.Core;

namespace Shipgate.Iac.CloudFormation.Rules;

internal sealed class CfnEbsVolumeUnencrypted : CloudFormationRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "CFN006", "cfn-ebs-volume-unencrypted", "EBS volume is not encrypted",
        Severity.Medium, Confidence.Medium,
        ["checkov:CKV_AWS_3", "trivy:AWS-0026"],
        "An AWS::EC2::Volume does not set Encrypted: true. Unless account-wide default encryption is on, the volume and its snapshots are stored in clear.",
        "Set Encrypted: true (and KmsKeyId for a customer-managed key), or enable EBS encryption by default for the account and region.",
        "encryption");

    public override IEnumerable<Finding> Analyze(CloudFormationTemplate document, RuleContext context)
    {
        foreach (var volume in document.ResourcesOf("AWS::EC2::Volume"))
        {
            var encrypted = volume.Property("Encrypted");
            if ((encrypted is null && volume.Property("SnapshotId") is null) || TemplateResource.Bool(encrypted) == false)
            {
                yield return Report(context, volume, "Encrypted", $"Volume {volume.LogicalId} is not encrypted (Encrypted is {(encrypted is null ? "unset" : "false")}).");
            }
        }
    }
}
