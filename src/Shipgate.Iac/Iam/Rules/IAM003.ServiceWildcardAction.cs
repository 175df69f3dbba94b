using Shipgate.Core;

namespace Shipgate.Iac.Iam.Rules;

internal sealed class ServiceWildcardAction : IamRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "IAM003", "service-wildcard-action", "Policy allows every action of a service",
        Severity.Medium, Confidence.High,
        ["cloudsplaining:ServiceWildcard", "concept:IAM-SERVICE-WILDCARD"],
        "An Allow statement grants a whole-service wildcard such as 's3:*' or 'iam:*'. That includes the service's destructive and permission-changing actions (s3:DeleteBucket, s3:PutBucketPolicy) and every action AWS adds later.",
        "Replace the wildcard with the actions the workload needs ('s3:GetObject', 's3:PutObject'), or a narrow verb pattern ('s3:Get*').",
        "least-privilege");

    public override IEnumerable<Finding> Analyze(PolicyDocument document, RuleContext context)
    {
        foreach (var statement in Allows(document))
        {
            foreach (var action in statement.Actions.Where(a => a.Known && ActionPattern.IsServiceWildcard(a.Value)))
            {
                yield return Report(context, document, action.Line, action.Column,
                    $"{document.Describe(statement)} allows '{action.Value}', every action of the {ActionPattern.Service(action.Value)} service.",
                    statement.Name + "|" + action.Value.ToLowerInvariant());
            }
        }
    }
}
