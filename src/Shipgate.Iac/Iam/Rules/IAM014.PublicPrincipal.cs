using Shipgate.Core;

namespace Shipgate.Iac.Iam.Rules;

internal sealed class PublicPrincipal : IamRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "IAM014", "public-principal", "Policy allows any principal without a condition",
        Severity.High, Confidence.High,
        ["checkov:CKV_AWS_283", "checkov:CKV_AWS_60", "concept:IAM-PRINCIPAL-STAR"],
        "An Allow statement names Principal '*' (or {\"AWS\": \"*\"}) and has no Condition. In a bucket, queue, topic or key policy that opens the resource to anyone on the internet; in a role's trust policy it lets any AWS account assume the role.",
        "Name the accounts, roles or services that need access, or keep the wildcard only with a restricting Condition (aws:SourceArn, aws:SourceAccount, aws:PrincipalOrgID).",
        "public-access");

    public override IEnumerable<Finding> Analyze(PolicyDocument document, RuleContext context)
    {
        foreach (var statement in Allows(document))
        {
            if (statement.HasCondition || statement.Principal is not { } principal || !IsPublic(principal))
            {
                continue;
            }

            yield return Report(context, document, principal.Line, principal.Column,
                $"{document.Describe(statement)} allows Principal '*' (anyone) with no condition.", statement.Name);
        }
    }

    private static bool IsPublic(ValueNode principal) => principal switch
    {
        ScalarNode scalar => scalar.Text == "*",
        MapNode map => map.Entries.Any(e => (e.Key == "AWS" || e.Key == "*") && e.Value.Items().Any(i => i.AsString() == "*")),
        _ => false,
    };
}
