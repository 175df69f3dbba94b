using Shipgate.Core;

namespace Shipgate.Iac.Iam.Rules;

internal sealed class NotActionWithAllow : IamRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "IAM006", "not-action-with-allow", "Allow statement uses NotAction",
        Severity.Medium, Confidence.High,
        ["parliament:NOTACTION_WITH_ALLOW"],
        "An Allow statement with NotAction grants every action except the listed ones, across all services, including every action AWS adds in the future. It is almost always far broader than intended.",
        "Use Action with the actions to grant; keep NotAction for Deny statements (\"deny everything except …\").",
        "least-privilege");

    public override IEnumerable<Finding> Analyze(PolicyDocument document, RuleContext context)
    {
        foreach (var statement in Allows(document).Where(s => s.HasNotAction))
        {
            var at = statement.NotActions.Count > 0 ? statement.NotActions[0] : null;
            yield return Report(context, document, at?.Line ?? statement.Line, at?.Column ?? statement.Column,
                $"{document.Describe(statement)} allows every action except {List(statement.NotActions.Select(a => a.Value))} (NotAction with Allow).",
                statement.Name);
        }
    }
}
