using Shipgate.Iac.Terraform.Rules;

namespace Shipgate.Iac.Terraform;

/// <summary>The explicit list of Terraform resource rules, in id order. IAM rules run on the file's policies as well.</summary>
internal static class TerraformRules
{
    public static IReadOnlyList<TerraformRule> Create() =>
    [
        new S3BucketPublicAcl(),
        new S3PublicAccessBlockDisabled(),
        new SecurityGroupAdminPortOpen(),
        new EbsVolumeUnencrypted(),
        new RdsStorageUnencrypted(),
        new RdsPubliclyAccessible(),
        new S3BucketUnencrypted(),
        new LoadBalancerPlainHttp(),
        new CloudTrailLoggingDisabled(),
        new S3AccessLoggingDisabled(),
        new IamPolicyAttachedToUser(),
        new AzureStoragePublicBlobAccess(),
        new AzureStorageHttpsNotEnforced(),
        new GcpFirewallAdminPortOpen(),
    ];
}
