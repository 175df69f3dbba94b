using Shipgate.Core;

namespace Shipgate.Iac.Terraform.Rules;

internal sealed class S3BucketUnencrypted : TerraformRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "TF007", "s3-bucket-unencrypted", "S3 bucket has no server-side encryption configuration",
        Severity.Low, Confidence.Medium,
        ["checkov:CKV_AWS_19", "trivy:AWS-0088"],
        "An aws_s3_bucket has neither a server_side_encryption_configuration block nor an aws_s3_bucket_server_side_encryption_configuration resource in the same file. Since 2023 AWS applies SSE-S3 by default, but without an explicit configuration the bucket cannot require a customer-managed KMS key, and the intent is not recorded in code.",
        "Add an aws_s3_bucket_server_side_encryption_configuration for the bucket, with sse_algorithm = \"aws:kms\" and a key you control where the data is sensitive.",
        "encryption", "s3");

    public override IEnumerable<Finding> Analyze(TerraformFile document, RuleContext context)
    {
        foreach (var bucket in document.ResourcesOf("aws_s3_bucket"))
        {
            if (bucket.Body.BlocksOf("server_side_encryption_configuration").Any()
                || document.IsReferencedBy("aws_s3_bucket_server_side_encryption_configuration", "bucket", bucket))
            {
                continue;
            }

            yield return Report(context, bucket.Block, $"{bucket.Address} has no server-side encryption configuration.", bucket.Address);
        }
    }
}
