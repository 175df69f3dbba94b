using Shipgate.Core;

namespace Shipgate.Iac.Iam.Rules;

internal sealed class NotPrincipalWithAllow : IamRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "IAM008", "not-principal-with-allow", "Allow statement uses NotPrincipal",
        Severity.High, Confidence.High,
        ["parliament:NOTPRINCIPAL_WITH_ALLOW"],
        "An Allow statement with NotPrincipal grants access to every principal except the listed ones: every AWS account and anonymous users included. AWS documents this combination as something to avoid.",
        "Use Principal with the accounts, roles or services that need access.",
        "least-privilege", "public-access");

    public override IEnumerable<Finding> Analyze(PolicyDocument document, RuleContext context)
    {
        foreach (var statement in Allows(document))
        {
            if (statement.NotPrincipal is { } node)
            {
                yield return Report(context, document, node.Line, node.Column,
                    $"{document.Describe(statement)} allows every principal except the ones in NotPrincipal.", statement.Name);
            }
        }
    }
}
