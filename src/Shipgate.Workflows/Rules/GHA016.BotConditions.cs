using Shipgate.Core;
using Shipgate.Workflows.Expressions;
using Shipgate.Workflows.GitHubActions;

namespace Shipgate.Workflows.Rules;

/// <summary>GHA016: a pull_request_target job gated on the actor being a bot, which an attacker can arrange.</summary>
public sealed class BotConditions : WorkflowRule<GitHubDocument>
{
    private static readonly string[] ActorNames = ["github.actor", "github.triggering_actor", "github.event.pull_request.sender.login"];
    private static readonly string[] ActorIds = ["github.actor_id", "github.event.pull_request.sender.id"];
    private static readonly string[] BotIds = ["29110", "49699333", "27856297", "29139614"];

    public override RuleMetadata Metadata { get; } = new(
        "GHA016", "bot-conditions", "Spoofable bot actor check", Category.Workflows, Severity.High, Confidence.High)
    {
        Equivalents = ["zizmor:bot-conditions"],
        Description = "github.actor is whoever caused the latest event, not who wrote the pull request: an attacker can get dependabot[bot] to be the actor (for example by triggering a rebase) and pass a check like github.actor == 'dependabot[bot]'.",
        Remediation = "Check the pull request author instead (github.event.pull_request.user.login) together with the head repository, or avoid pull_request_target.",
        Tags = ["security", "spoofing"],
    };

    public override IEnumerable<AuditHit> Audit(GitHubDocument document, AuditScope scope)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(scope);
        if (document.Workflow is not { } workflow || !workflow.HasTrigger("pull_request_target"))
        {
            yield break;
        }

        foreach (var (owner, _, _) in RuleSupport.ConditionOwners(document))
        {
            if (RuleSupport.ConditionOf(owner) is not { Parsed: { } parsed } condition)
            {
                continue;
            }

            var (found, dominating) = Walk(parsed, true);
            if (!found)
            {
                continue;
            }

            var location = scope.Source.Of(condition.Scalar, condition.ExpressionOffset, condition.Body.Trim().Length);
            yield return scope.Hit(
                this,
                location,
                $"The condition '{condition.Body.Trim()}' trusts the actor being a bot, which an attacker can arrange on pull_request_target.",
                condition.Body.Trim(),
                feature: condition.Entry.Value,
                confidence: dominating ? Confidence.High : Confidence.Medium);
        }
    }

    private static (bool Found, bool Dominating) Walk(Expr expr, bool dominating)
    {
        switch (expr)
        {
            case GroupExpr group:
                return Walk(group.Inner, dominating);
            case CallExpr call:
                return (call.Arguments.Any(a => Walk(a, false).Found), false);
            case NotExpr not:
                return Walk(not.Operand, false);
            case BinaryExpr { Operator: BinaryOperator.Or } or:
                return (Walk(or.Left, true).Found || Walk(or.Right, true).Found, true);
            case BinaryExpr { Operator: BinaryOperator.Equal } eq:
                if (IsBotCheck(eq.Left, eq.Right) || IsBotCheck(eq.Right, eq.Left))
                {
                    return (true, true);
                }

                return (Walk(eq.Left, true).Found || Walk(eq.Right, true).Found, true);
            case BinaryExpr binary:
                return (Walk(binary.Left, false).Found || Walk(binary.Right, false).Found, false);
            default:
                return (false, dominating);
        }
    }

    private static bool IsBotCheck(Expr context, Expr literal)
    {
        if (literal is not LiteralExpr lit || ContextAccess.PatternOf(context) is not { } pattern)
        {
            return false;
        }

        var text = lit.Kind == LiteralKind.Number ? ((double)lit.Value!).ToString(System.Globalization.CultureInfo.InvariantCulture) : lit.Text ?? "";
        return (ActorNames.Contains(pattern) && text.EndsWith("[bot]", StringComparison.OrdinalIgnoreCase))
            || (ActorIds.Contains(pattern) && BotIds.Contains(text));
    }
}
