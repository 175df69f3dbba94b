using Shipgate.Core;

namespace Shipgate.Iac.CloudFormation.Rules;

internal sealed class CfnCloudTrailLoggingDisabled : CloudFormationRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "CFN008", "cfn-cloudtrail-logging-disabled", "CloudTrail trail does not log or does not validate its logs",
        Severity.Medium, Confidence.High,
        ["checkov:CKV_AWS_36", "trivy:AWS-0016"],
        "An AWS::CloudTrail::Trail sets IsLogging: false, so API activity goes unrecorded, or does not set EnableLogFileValidation: true, so changed or deleted log files cannot be detected.",
        "Set IsLogging: true and EnableLogFileValidation: true; consider IsMultiRegionTrail: true as well.",
        "logging");

    public override IEnumerable<Finding> Analyze(CloudFormationTemplate document, RuleContext context)
    {
        foreach (var trail in document.ResourcesOf("AWS::CloudTrail::Trail"))
        {
            if (trail.Bool("IsLogging") == false)
            {
                yield return Report(context, trail, "IsLogging", $"Trail {trail.LogicalId} sets IsLogging: false; API activity is not recorded.");
            }

            var validation = trail.Property("EnableLogFileValidation");
            if (validation is null || TemplateResource.Bool(validation) == false)
            {
                yield return Report(context, trail, "EnableLogFileValidation", $"Trail {trail.LogicalId} does not enable log file validation; tampering with the logs cannot be detected.");
            }
        }
    }
}
