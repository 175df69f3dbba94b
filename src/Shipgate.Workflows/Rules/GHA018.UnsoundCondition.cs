using Shipgate.Core;
using Shipgate.Workflows.Expressions;
using Shipgate.Workflows.GitHubActions;
using Shipgate.Yaml;

namespace Shipgate.Workflows.Rules;

/// <summary>GHA018: an <c>if:</c> whose <c>${{ }}</c> is mixed with other text, which makes it a non-empty string: always true.</summary>
public sealed class UnsoundCondition : WorkflowRule<GitHubDocument>
{
    public override RuleMetadata Metadata { get; } = new(
        "GHA018", "unsound-condition", "Condition always evaluates to true", Category.Workflows, Severity.High, Confidence.High)
    {
        Equivalents = ["zizmor:unsound-condition"],
        Description = "When an if: value holds ${{ }} plus any other text (a trailing newline from a | block, spaces inside quotes, other words), the runner evaluates it as a string, and a non-empty string is true: the guard never blocks.",
        Remediation = "Write the condition as one bare expression (if: github.ref == 'refs/heads/main') or a single ${{ }} with nothing around it; use |- or >- for multi-line blocks.",
        Tags = ["security", "logic"],
    };

    public override IEnumerable<AuditHit> Audit(GitHubDocument document, AuditScope scope)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(scope);
        foreach (var (owner, _, _) in RuleSupport.ConditionOwners(document))
        {
            if (owner.Entry("if") is not { Value: YamlScalar scalar } entry || !scalar.Value.Contains("${{", StringComparison.Ordinal))
            {
                continue;
            }

            var templates = TemplateExpression.FindAll(scalar.Value);
            var whole = templates.Count == 1 && templates[0].Start == 0 && templates[0].End == scalar.Value.Length;
            if (!whole && templates.Count > 0)
            {
                yield return scope.AtEntry(
                    this,
                    entry,
                    $"The condition '{scalar.Value.Trim()}' mixes ${{{{ }}}} with other text, so it is a non-empty string and always true.",
                    scalar.Value.Trim());
            }
        }
    }
}
