using Shipgate.Core;

namespace Shipgate.Iac.CloudFormation.Rules;

internal sealed class CfnRdsStorageUnencrypted : CloudFormationRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "CFN004", "cfn-rds-storage-unencrypted", "RDS database storage is not encrypted",
        Severity.High, Confidence.Medium,
        ["checkov:CKV_AWS_16", "checkov:CKV_AWS_96", "trivy:AWS-0080", "trivy:AWS-0079"],
        "An AWS::RDS::DBInstance or AWS::RDS::DBCluster does not set StorageEncrypted: true. Database files, backups, replicas and snapshots are stored unencrypted, and encryption cannot be switched on later without a snapshot-and-restore migration.",
        "Set StorageEncrypted: true (with KmsKeyId for a customer-managed key) when the database is created.",
        "encryption", "database");

    public override IEnumerable<Finding> Analyze(CloudFormationTemplate document, RuleContext context)
    {
        foreach (var database in document.ResourcesOf("AWS::RDS::DBInstance", "AWS::RDS::DBCluster"))
        {
            // Cluster members, read replicas and snapshot restores take their encryption from elsewhere.
            if (database.Property("DBClusterIdentifier") is not null || database.Property("SourceDBInstanceIdentifier") is not null
                || database.Property("DBSnapshotIdentifier") is not null || database.Property("SnapshotIdentifier") is not null
                || database.String("EngineMode") == "serverless")
            {
                continue;
            }

            var encrypted = database.Property("StorageEncrypted");
            if (encrypted is null || TemplateResource.Bool(encrypted) == false)
            {
                yield return Report(context, database, "StorageEncrypted", $"Database {database.LogicalId} stores its data unencrypted (StorageEncrypted is {(encrypted is null ? "unset" : "false")}).");
            }
        }
    }
}
