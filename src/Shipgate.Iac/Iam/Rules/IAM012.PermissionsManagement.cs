using Shipgate.Core;

namespace Shipgate.Iac.Iam.Rules;

internal sealed class PermissionsManagement : IamRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "IAM012", "permissions-management", "Policy can change resource access policies without constraint",
        Severity.High, Confidence.Medium,
        ["parliament:PERMISSIONS_MANAGEMENT_ACTIONS", "checkov:CKV_AWS_289", "checkov:CKV_AWS_109", "cloudsplaining:ResourceExposure"],
        "An Allow statement grants, on Resource '*' and without a Condition, actions that decide who else may use a resource: s3:PutBucketPolicy, s3:PutBucketAcl, lambda:AddPermission, kms:PutKeyPolicy, ram:CreateResourceShare and similar. The holder can make any such resource public or share it with another account.",
        "Restrict these actions to the resources the workload administers, and add conditions (aws:ResourceTag, kms:GrantIsForAWSResource) where the service supports them.",
        "resource-exposure");

    public override IEnumerable<Finding> Analyze(PolicyDocument document, RuleContext context)
    {
        foreach (var statement in Allows(document).Where(s => s.ResourceIsStar && !s.HasCondition))
        {
            var hits = IamActions.PermissionsManagementActions
                .Select(action => (action, grant: statement.Actions.FirstOrDefault(a => a.Known && !a.IsStar && ActionPattern.Matches(a.Value, action))))
                .Where(h => h.grant is not null)
                .ToList();
            if (hits.Count > 0)
            {
                var first = hits[0].grant!;
                yield return Report(context, document, first.Line, first.Column,
                    $"{document.Describe(statement)} allows {List(hits.Select(h => h.action))} on Resource '*' without a condition; these actions change who can access a resource.",
                    statement.Name);
            }
        }
    }
}
