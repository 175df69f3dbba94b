using Shipgate.Core;

namespace Shipgate.Iac.Iam.Rules;

internal sealed class NotResourceWithAllow : IamRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "IAM007", "not-resource-with-allow", "Allow statement uses NotResource",
        Severity.Medium, Confidence.High,
        ["parliament:NOTRESOURCE_WITH_ALLOW"],
        "An Allow statement with NotResource grants its actions on every resource except the listed ones, including resources created later and resources in other accounts that trust this one.",
        "Use Resource with the ARNs to grant; keep NotResource for Deny statements.",
        "least-privilege");

    public override IEnumerable<Finding> Analyze(PolicyDocument document, RuleContext context)
    {
        foreach (var statement in Allows(document).Where(s => s.HasNotResource))
        {
            var at = statement.NotResources.Count > 0 ? statement.NotResources[0] : null;
            yield return Report(context, document, at?.Line ?? statement.Line, at?.Column ?? statement.Column,
                $"{document.Describe(statement)} allows its actions on every resource except {List(statement.NotResources.Select(r => r.Value), 2)} (NotResource with Allow).",
                statement.Name);
        }
    }
}
