using Shipgate.Core;
using Shipgate.Workflows.Expressions;
using Shipgate.Workflows.GitHubActions;

namespace Shipgate.Workflows.Rules;

/// <summary>GHA019: <c>cond &amp;&amp; X || Y</c> where X is falsy, so the "ternary" always yields Y.</summary>
public sealed class UnsoundTernary : WorkflowRule<GitHubDocument>
{
    public override RuleMetadata Metadata { get; } = new(
        "GHA019", "unsound-ternary", "Ternary idiom with a falsy middle operand", Category.Workflows, Severity.Low, Confidence.High)
    {
        Equivalents = ["zizmor:unsound-ternary"],
        Description = "The a && b || c idiom only works as a ternary when b is truthy; with '' , false, 0 or null as b it always evaluates to c.",
        Remediation = "Swap the branches and negate the condition (!a && c || b), or use a truthy placeholder.",
        Tags = ["correctness"],
    };

    public override IEnumerable<AuditHit> Audit(GitHubDocument document, AuditScope scope)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(scope);
        foreach (var site in ExpressionSites.All(document))
        {
            foreach (var node in ExpressionAnalysis.Descendants(site.Parsed))
            {
                if (node is BinaryExpr { Operator: BinaryOperator.Or, Left: BinaryExpr { Operator: BinaryOperator.And, Right: var middle } }
                    && ExpressionEvaluator.TryEvaluate(middle) is { IsTruthy: false })
                {
                    var text = site.Body[middle.Start..middle.End];
                    yield return scope.Hit(
                        this,
                        scope.Source.Of(site.Scalar, site.BodyOffset + middle.Start, text.Length),
                        $"The middle operand {text} of the && || idiom is falsy, so the expression always takes the || branch.",
                        site.Body.Trim(),
                        feature: site.Scalar);
                }
            }
        }
    }
}
