using Shipgate.Iac.CloudFormation.Rules;

namespace Shipgate.Iac.CloudFormation;

/// <summary>The explicit list of CloudFormation resource rules, in id order. IAM rules run on the template's policies as well.</summary>
internal static class CloudFormationRules
{
    public static IReadOnlyList<CloudFormationRule> Create() =>
    [
        new CfnS3BucketPublicAccessControl(),
        new CfnS3PublicAccessBlockDisabled(),
        new CfnSecurityGroupAdminPortOpen(),
        new CfnRdsStorageUnencrypted(),
        new CfnRdsPubliclyAccessible(),
        new CfnEbsVolumeUnencrypted(),
        new CfnLoadBalancerPlainHttp(),
        new CfnCloudTrailLoggingDisabled(),
    ];
}
