using Shipgate.Iac.CloudFormation.Rules;

namespace Shipgate.Iac.CloudFormation;

/// <summary>The explicit list of CloudFormation resource rules, in id order. IAM rules run on the template's policies as well.</summary>
internal static class CloudFormationRules
{
    public static IReadOnlyList<CloudFormationRule> Create() =>
    [
        new S3BucketPublicAccessControl(),
        new S3PublicAccessBlockDisabled(),
        new SecurityGroupAdminPortOpen(),
        new RdsStorageUnencrypted(),
        new RdsPubliclyAccessible(),
        new EbsVolumeUnencrypted(),
        new LoadBalancerPlainHttp(),
        new CloudTrailLoggingDisabled(),
    ];
}
