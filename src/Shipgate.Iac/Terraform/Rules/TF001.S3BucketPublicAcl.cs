using Shipgate.Core;

namespace Shipgate.Iac.Terraform.Rules;

internal sealed class S3BucketPublicAcl : TerraformRule
{
    private static readonly string[] PublicAcls = ["public-read", "public-read-write", "authenticated-read"];

    public override RuleMetadata Metadata { get; } = Define(
        "TF001", "s3-bucket-public-acl", "S3 bucket has a public canned ACL",
        Severity.High, Confidence.High,
        ["checkov:CKV_AWS_20", "checkov:CKV_AWS_57", "trivy:AWS-0092"],
        "An aws_s3_bucket or aws_s3_bucket_acl sets the canned ACL 'public-read', 'public-read-write' or 'authenticated-read'. Every object becomes listable (and with public-read-write, writable) by anyone on the internet or by any AWS account.",
        "Use acl = \"private\" (or drop ACLs with object_ownership = \"BucketOwnerEnforced\") and serve public content through CloudFront with an origin access control.",
        "public-access", "s3");

    public override IEnumerable<Finding> Analyze(TerraformFile document, RuleContext context)
    {
        foreach (var bucket in document.ResourcesOf("aws_s3_bucket", "aws_s3_bucket_acl"))
        {
            var acl = bucket.String("acl");
            if (acl is not null && PublicAcls.Contains(acl, StringComparer.Ordinal))
            {
                yield return Report(context, bucket.Attribute("acl")!, $"{bucket.Address} sets acl = \"{acl}\", which makes the bucket readable by anyone.", bucket.Address + "|" + acl);
            }
        }
    }
}
