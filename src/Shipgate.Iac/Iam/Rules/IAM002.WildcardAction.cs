using Shipgate.Core;

namespace Shipgate.Iac.Iam.Rules;

internal sealed class WildcardAction : IamRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "IAM002", "wildcard-action", "Policy allows every action",
        Severity.High, Confidence.High,
        ["checkov:CKV_AWS_63", "checkov:CKV_AWS_49", "concept:IAM-ACTION-STAR"],
        "An Allow statement grants Action '*': every action of every AWS service, present and future, on the resources it names. Even on a narrow resource that includes deleting it and rewriting its access policy.",
        "List the actions the workload calls (CloudTrail or IAM Access Analyzer's policy generation shows which), or at least restrict to one service's read actions.",
        "least-privilege", "cwe-269");

    public override IEnumerable<Finding> Analyze(PolicyDocument document, RuleContext context)
    {
        foreach (var statement in Allows(document))
        {
            if (statement.Actions.FirstOrDefault(a => a.IsStar) is { } action)
            {
                var resources = statement.Resources.Count == 0 ? "any resource" : List(statement.Resources.Select(r => r.Value));
                yield return Report(context, document, action.Line, action.Column,
                    $"{document.Describe(statement)} allows Action '*' (every action of every service) on {resources}.", statement.Name);
            }
        }
    }
}
