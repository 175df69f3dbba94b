using Shipgate.Core;

namespace Shipgate.Iac.Iam.Rules;

internal sealed class WildcardResource : IamRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "IAM004", "wildcard-resource", "Policy allows scopable actions on every resource",
        Severity.Medium, Confidence.Medium,
        ["parliament:RESOURCE_STAR", "checkov:CKV_AWS_355", "checkov:CKV_AWS_356"],
        "An Allow statement uses Resource '*' for actions that AWS lets you restrict to specific resources. The grant then covers every bucket, key, queue or instance in the account, including ones created later. Actions that only work on '*' (s3:ListAllMyBuckets, sts:GetCallerIdentity, most List calls) are not reported.",
        "Name the resources by ARN ('arn:aws:s3:::my-bucket/*'), or move the actions that cannot be scoped into their own statement with Resource '*'.",
        "least-privilege");

    public override IEnumerable<Finding> Analyze(PolicyDocument document, RuleContext context)
    {
        foreach (var statement in Allows(document))
        {
            var star = statement.Resources.FirstOrDefault(r => r.IsStar);
            if (star is null)
            {
                continue;
            }

            var scopable = statement.Actions.Where(a => a.Known && !IamActions.IsUnrestrictable(a.Value)).Select(a => a.Value).ToList();
            if (scopable.Count > 0)
            {
                yield return Report(context, document, star.Line, star.Column,
                    $"{document.Describe(statement)} allows {List(scopable)} on Resource '*'; these actions can be restricted to specific resources.",
                    statement.Name);
            }
        }
    }
}
