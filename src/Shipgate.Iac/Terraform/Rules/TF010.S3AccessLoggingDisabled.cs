using Shipgate.Core;

namespace Shipgate.Iac.Terraform.Rules;

internal sealed class S3AccessLoggingDisabled : TerraformRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "TF010", "s3-access-logging-disabled", "S3 bucket has no access logging",
        Severity.Low, Confidence.Medium,
        ["checkov:CKV_AWS_18", "trivy:AWS-0089"],
        "An aws_s3_bucket has neither a logging block nor an aws_s3_bucket_logging resource in the same file. Without server access logs there is no record of who read or changed objects, which matters most for buckets holding sensitive data.",
        "Add an aws_s3_bucket_logging resource that delivers access logs to a separate log bucket (which itself needs no logging).",
        "logging", "s3");

    public override IEnumerable<Finding> Analyze(TerraformFile document, RuleContext context)
    {
        foreach (var bucket in document.ResourcesOf("aws_s3_bucket"))
        {
            if (bucket.Body.BlocksOf("logging").Any()
                || document.IsReferencedBy("aws_s3_bucket_logging", "bucket", bucket)
                || document.IsReferencedBy("aws_s3_bucket_logging", "target_bucket", bucket))
            {
                continue;
            }

            yield return Report(context, bucket.Block, $"{bucket.Address} has no server access logging.", bucket.Address);
        }
    }
}
