using Shipgate.Core;

namespace Shipgate.Iac.Iam.Rules;

internal sealed class PassRoleOnAnyRole : IamRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "IAM009", "pass-role-on-any-role", "Policy allows passing any role to a service",
        Severity.High, Confidence.High,
        ["concept:IAM-PASSROLE-STAR"],
        "An Allow statement grants iam:PassRole on Resource '*'. The principal can hand any role in the account, administrator roles included, to a service it controls (an EC2 instance, a Lambda function, a Glue job) and act with that role's permissions.",
        "Restrict iam:PassRole to the role ARNs the workload passes, and add an 'iam:PassedToService' condition naming the service.",
        "least-privilege", "privilege-escalation");

    public override IEnumerable<Finding> Analyze(PolicyDocument document, RuleContext context)
    {
        foreach (var statement in Allows(document))
        {
            if (!statement.ResourceIsStar)
            {
                continue;
            }

            var action = statement.Actions.FirstOrDefault(a => a.Known && !a.IsStar && ActionPattern.Matches(a.Value, "iam:PassRole"));
            if (action is not null)
            {
                yield return Report(context, document, action.Line, action.Column,
                    $"{document.Describe(statement)} allows iam:PassRole (through '{action.Value}') on Resource '*', so any role can be passed to a service.",
                    statement.Name);
            }
        }
    }
}
