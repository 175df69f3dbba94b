using Shipgate.Core;

namespace Shipgate.Iac.Terraform.Rules;

internal sealed class IamPolicyAttachedToUser : TerraformRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "TF011", "iam-policy-attached-to-user", "IAM policy is attached directly to a user",
        Severity.Low, Confidence.High,
        ["checkov:CKV_AWS_40", "trivy:AWS-0143"],
        "An aws_iam_user_policy, aws_iam_user_policy_attachment or aws_iam_policy_attachment with users grants permissions to individual IAM users. Permissions scattered over users are hard to review and are easily left behind when people change roles; CIS AWS Foundations asks for permissions through groups or roles only.",
        "Attach the policy to a group (aws_iam_group_policy_attachment) and make the user a member, or better, give people federated access to roles.",
        "least-privilege");

    public override IEnumerable<Finding> Analyze(TerraformFile document, RuleContext context)
    {
        foreach (var resource in document.ResourcesOf("aws_iam_user_policy", "aws_iam_user_policy_attachment"))
        {
            yield return Report(context, At(resource, "user"), $"{resource.Address} attaches a policy directly to an IAM user.", resource.Address);
        }

        foreach (var resource in document.ResourcesOf("aws_iam_policy_attachment"))
        {
            if (resource.Attribute("users") is { } users)
            {
                yield return Report(context, users, $"{resource.Address} attaches a policy directly to IAM users.", resource.Address);
            }
        }
    }
}
