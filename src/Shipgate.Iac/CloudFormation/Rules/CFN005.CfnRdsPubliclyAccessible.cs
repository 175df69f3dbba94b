using Shipgate.Core;

namespace Shipgate.Iac.CloudFormation.Rules;

internal sealed class CfnRdsPubliclyAccessible : CloudFormationRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "CFN005", "cfn-rds-publicly-accessible", "RDS database is publicly accessible",
        Severity.High, Confidence.High,
        ["checkov:CKV_AWS_17", "trivy:AWS-0180"],
        "An AWS::RDS::DBInstance sets PubliclyAccessible: true: the database gets a public DNS name and address, and only its security group stands between it and the internet.",
        "Set PubliclyAccessible: false and reach the database from inside the VPC.",
        "public-access", "database");

    public override IEnumerable<Finding> Analyze(CloudFormationTemplate document, RuleContext context)
    {
        foreach (var database in document.ResourcesOf("AWS::RDS::DBInstance"))
        {
            if (database.Bool("PubliclyAccessible") == true)
            {
                yield return Report(context, database, "PubliclyAccessible", $"Database {database.LogicalId} sets PubliclyAccessible: true.");
            }
        }
    }
}
