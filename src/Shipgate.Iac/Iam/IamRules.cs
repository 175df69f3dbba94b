using Shipgate.Iac.Iam.Rules;

namespace Shipgate.Iac.Iam;

/// <summary>The explicit list of IAM policy rules, in id order. The only place an IAM rule is turned on.</summary>
internal static class IamRules
{
    public static IReadOnlyList<IamRule> Create() =>
    [
        new FullAdministratorAccess(),
        new WildcardAction(),
        new ServiceWildcardAction(),
        new WildcardResource(),
        new ResourceEffectivelyWildcard(),
        new NotActionWithAllow(),
        new NotResourceWithAllow(),
        new NotPrincipalWithAllow(),
        new PassRoleOnAnyRole(),
        new PolicyPrivilegeEscalation(),
        new CredentialsExposure(),
        new PermissionsManagement(),
        new ResourcePolicyPrivilegeEscalation(),
        new PublicPrincipal(),
        new MalformedPolicy(),
        new BypassableMfaCondition(),
    ];
}
