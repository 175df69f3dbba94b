using Shipgate.Core;
using Shipgate.Iac.Iam;

namespace Shipgate.Iac.CloudFormation.Rules;

internal sealed class CfnS3PublicAccessBlockDisabled : CloudFormationRule
{
    private static readonly string[] Settings = ["BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets"];

    public override RuleMetadata Metadata { get; } = Define(
        "CFN002", "cfn-s3-public-access-block-disabled", "S3 bucket turns a public access block setting off",
        Severity.High, Confidence.High,
        ["checkov:CKV_AWS_53", "checkov:CKV_AWS_54", "checkov:CKV_AWS_55", "checkov:CKV_AWS_56", "trivy:AWS-0086", "trivy:AWS-0087", "trivy:AWS-0091", "trivy:AWS-0093"],
        "An AWS::S3::Bucket's PublicAccessBlockConfiguration sets BlockPublicAcls, BlockPublicPolicy, IgnorePublicAcls or RestrictPublicBuckets to false. That switch then no longer stops a public ACL or bucket policy from exposing the bucket.",
        "Set all four settings to true (the default for new buckets); grant intended public access through CloudFront instead.",
        "public-access", "s3");

    public override IEnumerable<Finding> Analyze(CloudFormationTemplate document, RuleContext context)
    {
        foreach (var bucket in document.ResourcesOf("AWS::S3::Bucket"))
        {
            if (bucket.Property("PublicAccessBlockConfiguration") is not MapNode block)
            {
                continue;
            }

            foreach (var setting in Settings)
            {
                if (block.Entry(setting) is { } entry && TemplateResource.Bool(entry.Value) == false)
                {
                    yield return Report(context, entry.Line, entry.Column, $"Bucket {bucket.LogicalId} sets {setting}: false, so that protection against public access is off.", bucket.LogicalId + "|" + setting);
                }
            }
        }
    }
}
