using Shipgate.Core;

namespace Shipgate.Iac.Terraform.Rules;

internal sealed class RdsStorageUnencrypted : TerraformRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "TF005", "rds-storage-unencrypted", "RDS database storage is not encrypted",
        Severity.High, Confidence.Medium,
        ["checkov:CKV_AWS_16", "checkov:CKV_AWS_96", "trivy:AWS-0080", "trivy:AWS-0079"],
        "An aws_db_instance or aws_rds_cluster does not set storage_encrypted = true. The database files, automated backups, read replicas and snapshots are stored unencrypted, and encryption cannot be switched on later without a snapshot-and-restore migration.",
        "Set storage_encrypted = true (with kms_key_id for a customer-managed key) when the database is created.",
        "encryption", "database");

    public override IEnumerable<Finding> Analyze(TerraformFile document, RuleContext context)
    {
        foreach (var database in document.ResourcesOf("aws_db_instance", "aws_rds_cluster"))
        {
            // Aurora Serverless v1 clusters are always encrypted; replicas inherit the source's setting.
            if (database.String("engine_mode") == "serverless" || database.Attribute("replicate_source_db") is not null)
            {
                continue;
            }

            var encrypted = database.Bool("storage_encrypted");
            if (encrypted == false || (encrypted is null && database.Attribute("storage_encrypted") is null))
            {
                yield return Report(context, At(database, "storage_encrypted"), $"{database.Address} stores its data unencrypted (storage_encrypted is {(encrypted == false ? "false" : "unset")}).", database.Address);
            }
        }
    }
}
