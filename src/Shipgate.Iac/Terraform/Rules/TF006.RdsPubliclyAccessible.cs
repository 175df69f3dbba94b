using Shipgate.Core;

namespace Shipgate.Iac.Terraform.Rules;

internal sealed class RdsPubliclyAccessible : TerraformRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "TF006", "rds-publicly-accessible", "RDS database is publicly accessible",
        Severity.High, Confidence.High,
        ["checkov:CKV_AWS_17", "trivy:AWS-0180"],
        "An aws_db_instance or aws_rds_cluster_instance sets publicly_accessible = true: the database gets a public DNS name and address, and only its security group stands between it and the internet.",
        "Set publicly_accessible = false and reach the database from inside the VPC (application subnets, a bastion, or a VPN).",
        "public-access", "database");

    public override IEnumerable<Finding> Analyze(TerraformFile document, RuleContext context)
    {
        foreach (var database in document.ResourcesOf("aws_db_instance", "aws_rds_cluster_instance"))
        {
            if (database.Bool("publicly_accessible") == true)
            {
                yield return Report(context, database.Attribute("publicly_accessible")!, $"{database.Address} sets publicly_accessible = true.", database.Address);
            }
        }
    }
}
