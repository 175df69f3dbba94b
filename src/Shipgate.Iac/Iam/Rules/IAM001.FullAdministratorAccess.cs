using Shipgate.Core;

namespace Shipgate.Iac.Iam.Rules;

internal sealed class FullAdministratorAccess : IamRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "IAM001", "full-administrator-access", "Policy grants every action on every resource",
        Severity.Critical, Confidence.High,
        ["checkov:CKV_AWS_62", "checkov:CKV_AWS_1", "concept:IAM-ADMIN"],
        "An Allow statement grants Action '*' on Resource '*': full administrator rights over the account, including the right to change IAM itself, read every secret and delete every resource.",
        "Grant only the actions and resources the workload uses; keep administrator access in a separate, closely guarded role (AWS's AdministratorAccess managed policy behind MFA), never in application policies.",
        "least-privilege", "cwe-269");

    public override IEnumerable<Finding> Analyze(PolicyDocument document, RuleContext context)
    {
        foreach (var statement in Allows(document))
        {
            var action = statement.Actions.FirstOrDefault(a => a.IsStar);
            if (action is not null && statement.ResourceIsStar)
            {
                yield return Report(context, document, action.Line, action.Column,
                    $"{document.Describe(statement)} allows Action '*' on Resource '*', which is full administrator access.", statement.Name);
            }
        }
    }
}
