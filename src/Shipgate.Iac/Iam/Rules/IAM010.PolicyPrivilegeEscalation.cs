using Shipgate.Core;

namespace Shipgate.Iac.Iam.Rules;

internal sealed class PolicyPrivilegeEscalation : IamRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "IAM010", "policy-privilege-escalation", "Policy grants a known privilege-escalation path",
        Severity.High, Confidence.Medium,
        ["parliament:PRIVILEGE_ESCALATION", "checkov:CKV_AWS_286", "checkov:CKV_AWS_110", "cloudsplaining:PrivilegeEscalation"],
        "The policy grants a set of actions that lets a principal raise its own permissions: rewriting or attaching policies (iam:CreatePolicyVersion, iam:AttachUserPolicy, iam:PutRolePolicy), taking over other users (iam:CreateAccessKey, iam:UpdateLoginProfile), or running code under a more privileged role (iam:PassRole with lambda:CreateFunction and lambda:InvokeFunction, glue:UpdateDevEndpoint, lambda:UpdateFunctionCode).",
        "Remove the escalation actions, or restrict them to resources that cannot lead back to the principal itself (specific role ARNs with an iam:PassedToService condition, a permissions boundary).",
        "privilege-escalation", "cwe-269");

    public override IEnumerable<Finding> Analyze(PolicyDocument document, RuleContext context)
    {
        var allows = Allows(document).ToList();
        foreach (var set in IamActions.EscalationSets)
        {
            var grants = new List<PolicyText>();
            foreach (var action in set)
            {
                var grant = allows.Select(s => s.Actions.FirstOrDefault(a => a.Known && !a.IsStar && ActionPattern.Matches(a.Value, action)))
                    .FirstOrDefault(a => a is not null);
                if (grant is null)
                {
                    break;
                }

                grants.Add(grant);
            }

            if (grants.Count == set.Length)
            {
                var first = grants[0];
                var where = document.Origin.Length == 0 ? "The policy" : $"Policy {document.Origin}";
                yield return Report(context, document, first.Line, first.Column,
                    $"{where} grants {string.Join(" + ", set)}, a known privilege-escalation path.", string.Join("+", set));
            }
        }
    }
}
