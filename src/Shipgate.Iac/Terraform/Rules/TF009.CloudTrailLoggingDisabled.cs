using Shipgate.Core;

namespace Shipgate.Iac.Terraform.Rules;

internal sealed class CloudTrailLoggingDisabled : TerraformRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "TF009", "cloudtrail-logging-disabled", "CloudTrail trail does not log or does not validate its logs",
        Severity.Medium, Confidence.High,
        ["checkov:CKV_AWS_36", "trivy:AWS-0016"],
        "An aws_cloudtrail sets enable_logging = false, so API activity goes unrecorded, or does not set enable_log_file_validation = true, so changed or deleted log files cannot be detected. Either way the audit trail an investigation relies on is missing or untrustworthy.",
        "Keep enable_logging at its default (true) and set enable_log_file_validation = true; consider is_multi_region_trail = true as well.",
        "logging");

    public override IEnumerable<Finding> Analyze(TerraformFile document, RuleContext context)
    {
        foreach (var trail in document.ResourcesOf("aws_cloudtrail"))
        {
            if (trail.Bool("enable_logging") == false)
            {
                yield return Report(context, trail.Attribute("enable_logging")!, $"{trail.Address} sets enable_logging = false; API activity is not recorded.", trail.Address + "|logging");
            }

            if (trail.Bool("enable_log_file_validation") != true)
            {
                yield return Report(context, At(trail, "enable_log_file_validation"), $"{trail.Address} does not enable log file validation; tampering with the logs cannot be detected.", trail.Address + "|validation");
            }
        }
    }
}
