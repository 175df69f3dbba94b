using Shipgate.Core;

namespace Shipgate.Iac.Iam.Rules;

internal sealed class CredentialsExposure : IamRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "IAM011", "credentials-exposure", "Policy allows actions that return credentials on every resource",
        Severity.High, Confidence.Medium,
        ["parliament:CREDENTIALS_EXPOSURE", "checkov:CKV_AWS_287", "checkov:CKV_AWS_107", "cloudsplaining:CredentialsExposure"],
        "An Allow statement grants, on Resource '*', actions whose responses contain credentials: ecr:GetAuthorizationToken, redshift:GetClusterCredentials, iam:CreateAccessKey, sts:AssumeRole, secretsmanager:GetSecretValue and similar. Whoever holds the policy can mint or read credentials for everything of that kind.",
        "Scope these actions to the specific clusters, users, roles or secrets the workload needs.",
        "credentials");

    public override IEnumerable<Finding> Analyze(PolicyDocument document, RuleContext context)
    {
        foreach (var statement in Allows(document).Where(s => s.ResourceIsStar))
        {
            var hits = IamActions.CredentialActions
                .Select(action => (action, grant: statement.Actions.FirstOrDefault(a => a.Known && !a.IsStar && ActionPattern.Matches(a.Value, action))))
                .Where(h => h.grant is not null)
                .ToList();
            if (hits.Count > 0)
            {
                var first = hits[0].grant!;
                yield return Report(context, document, first.Line, first.Column,
                    $"{document.Describe(statement)} allows {List(hits.Select(h => h.action))} on Resource '*'; these actions return credentials.",
                    statement.Name);
            }
        }
    }
}
