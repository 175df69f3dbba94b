using Shipgate.Core;

namespace Shipgate.Iac.Iam.Rules;

internal sealed class ResourcePolicyPrivilegeEscalation : IamRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "IAM013", "resource-policy-privilege-escalation", "Policy can rewrite the resource policy of resources it uses",
        Severity.Medium, Confidence.Medium,
        ["parliament:RESOURCE_POLICY_PRIVILEGE_ESCALATION"],
        "The policy grants an action that rewrites a resource's own access policy (s3:PutBucketPolicy, sqs:SetQueueAttributes, kms:PutKeyPolicy, …) on resources it also uses with other actions of the same service. The holder can grant itself, or anyone, any access to those resources, so the other restrictions on them do not hold.",
        "Keep resource-policy administration in a separate role from the one that reads and writes the data.",
        "privilege-escalation");

    public override IEnumerable<Finding> Analyze(PolicyDocument document, RuleContext context)
    {
        var allows = Allows(document).ToList();
        foreach (var writer in IamActions.ResourcePolicyWriters)
        {
            var service = ActionPattern.Service(writer)!;
            foreach (var statement in allows)
            {
                var grant = statement.Actions.FirstOrDefault(a => a.Known && !a.IsStar && ActionPattern.Matches(a.Value, writer));
                if (grant is null)
                {
                    continue;
                }

                var other = allows
                    .Where(s => Overlaps(s, statement))
                    .SelectMany(s => s.Actions)
                    .FirstOrDefault(a => a.Known && !ReferenceEquals(a, grant)
                        && string.Equals(ActionPattern.Service(a.Value), service, StringComparison.OrdinalIgnoreCase)
                        && !ActionPattern.Matches(a.Value, writer));
                if (other is not null)
                {
                    yield return Report(context, document, grant.Line, grant.Column,
                        $"{document.Describe(statement)} allows {writer} on resources it also uses through '{other.Value}'; it can rewrite their access policy.",
                        statement.Name + "|" + writer);
                    break;
                }
            }
        }
    }

    private static bool Overlaps(PolicyStatement a, PolicyStatement b) =>
        a.ResourceIsStar || b.ResourceIsStar
        || a.Resources.Any(r => r.Known && b.Resources.Any(s => s.Known && (ActionPattern.Matches(r.Value, s.Value) || ActionPattern.Matches(s.Value, r.Value))));
}
