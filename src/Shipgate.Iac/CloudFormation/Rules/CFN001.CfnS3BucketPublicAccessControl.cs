using Shipgate.Core;

namespace Shipgate.Iac.CloudFormation.Rules;

internal sealed class CfnS3BucketPublicAccessControl : CloudFormationRule
{
    private static readonly string[] PublicAcls = ["PublicRead", "PublicReadWrite", "AuthenticatedRead"];

    public override RuleMetadata Metadata { get; } = Define(
        "CFN001", "cfn-s3-bucket-public-access-control", "S3 bucket has a public canned ACL",
        Severity.High, Confidence.High,
        ["checkov:CKV_AWS_20", "checkov:CKV_AWS_57", "trivy:AWS-0092"],
        "An AWS::S3::Bucket sets AccessControl to PublicRead, PublicReadWrite or AuthenticatedRead. Every object becomes listable (and with PublicReadWrite, writable) by anyone on the internet or by any AWS account.",
        "Remove AccessControl (or use Private) with OwnershipControls BucketOwnerEnforced, and serve public content through CloudFront with an origin access control.",
        "public-access", "s3");

    public override IEnumerable<Finding> Analyze(CloudFormationTemplate document, RuleContext context)
    {
        foreach (var bucket in document.ResourcesOf("AWS::S3::Bucket"))
        {
            if (bucket.String("AccessControl") is { } acl && PublicAcls.Contains(acl, StringComparer.Ordinal))
            {
                yield return Report(context, bucket, "AccessControl", $"Bucket {bucket.LogicalId} sets AccessControl: {acl}, which makes it readable by anyone.");
            }
        }
    }
}
