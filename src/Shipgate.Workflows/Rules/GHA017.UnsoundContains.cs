using Shipgate.Core;
using Shipgate.Workflows.Expressions;
using Shipgate.Workflows.GitHubActions;

namespace Shipgate.Workflows.Rules;

/// <summary>GHA017: <c>contains('a,b', github.ref)</c>, a substring test that an attacker-chosen value can pass.</summary>
public sealed class UnsoundContains : WorkflowRule<GitHubDocument>
{
    public override RuleMetadata Metadata { get; } = new(
        "GHA017", "unsound-contains", "Substring check used as a membership test", Category.Workflows, Severity.High, Confidence.High)
    {
        Equivalents = ["zizmor:unsound-contains"],
        Description = "contains() on a string tests for a substring: contains('refs/heads/main refs/heads/develop', github.ref) is also true for a branch named 'main' or 'heads/dev', so the condition can be satisfied by a name the attacker picks.",
        Remediation = "Compare with == for each allowed value, or use contains() over an array: contains(fromJSON('[\"main\", \"develop\"]'), github.ref_name).",
        Tags = ["security", "logic"],
    };

    public override IEnumerable<AuditHit> Audit(GitHubDocument document, AuditScope scope)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(scope);
        foreach (var (owner, _, _) in RuleSupport.ConditionOwners(document))
        {
            if (RuleSupport.ConditionOf(owner) is not { Parsed: { } parsed } condition)
            {
                continue;
            }

            foreach (var node in ExpressionAnalysis.Descendants(parsed))
            {
                if (node is not CallExpr { Arguments: [LiteralExpr { Kind: LiteralKind.Text }, var needle] } call || !call.Is("contains"))
                {
                    continue;
                }

                if (!ContextAccess.IsContextChain(needle) || ContextAccess.PatternOf(needle) is not { } pattern)
                {
                    continue;
                }

                var controllable = pattern.StartsWith("github.", StringComparison.Ordinal) || pattern.StartsWith("env.", StringComparison.Ordinal) || pattern.StartsWith("inputs.", StringComparison.Ordinal);
                yield return scope.AtEntry(
                    this,
                    condition.Entry,
                    $"contains() tests '{pattern}' as a substring of a string literal, so values that are only part of an allowed entry also pass.",
                    condition.Body.Trim() + "|" + pattern,
                    severity: controllable ? Severity.High : Severity.Info);
            }
        }
    }
}
