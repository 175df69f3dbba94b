using Shipgate.Core;

namespace Shipgate.Iac.Terraform.Rules;

internal sealed class S3PublicAccessBlockDisabled : TerraformRule
{
    private static readonly string[] Settings = ["block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"];

    public override RuleMetadata Metadata { get; } = Define(
        "TF002", "s3-public-access-block-disabled", "S3 public access block leaves a setting off",
        Severity.High, Confidence.High,
        ["checkov:CKV_AWS_53", "checkov:CKV_AWS_54", "checkov:CKV_AWS_55", "checkov:CKV_AWS_56", "trivy:AWS-0086", "trivy:AWS-0087", "trivy:AWS-0091", "trivy:AWS-0093"],
        "An aws_s3_bucket_public_access_block (or aws_s3_account_public_access_block) sets one of block_public_acls, block_public_policy, ignore_public_acls or restrict_public_buckets to false, or leaves it out (the provider's default is false). That setting then no longer stops a public ACL or bucket policy from exposing the bucket.",
        "Set all four settings to true; grant any intended public access through CloudFront instead.",
        "public-access", "s3");

    public override IEnumerable<Finding> Analyze(TerraformFile document, RuleContext context)
    {
        foreach (var block in document.ResourcesOf("aws_s3_bucket_public_access_block", "aws_s3_account_public_access_block"))
        {
            foreach (var setting in Settings)
            {
                var value = block.Bool(setting);
                if (value == false || (value is null && block.Attribute(setting) is null))
                {
                    var how = value == false ? "sets " + setting + " = false" : "leaves " + setting + " unset (default false)";
                    yield return Report(context, At(block, setting), $"{block.Address} {how}, so that protection against public access is off.", block.Address + "|" + setting);
                }
            }
        }
    }
}
