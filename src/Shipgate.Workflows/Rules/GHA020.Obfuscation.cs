using Shipgate.Core;
using Shipgate.Workflows.Expressions;
using Shipgate.Workflows.GitHubActions;
using Shipgate.Yaml;

namespace Shipgate.Workflows.Rules;

/// <summary>GHA020: needlessly indirect spellings that hide what runs: odd uses: paths and constant expressions.</summary>
public sealed class Obfuscation : WorkflowRule<GitHubDocument>
{
    public override RuleMetadata Metadata { get; } = new(
        "GHA020", "obfuscation", "Obfuscated action reference or expression", Category.Workflows, Severity.Low, Confidence.High)
    {
        Equivalents = ["zizmor:obfuscation"],
        Description = "Paths like actions/checkout/./ or cache/save/../save and expressions that fold to a constant (${{ format('{0}', 'x') }}) work, but they defeat review and simple pattern-based tools, which is why attackers use them.",
        Remediation = "Write the plain form: the canonical action path, and the literal value instead of a constant expression.",
        Tags = ["security", "review"],
    };

    public override IEnumerable<AuditHit> Audit(GitHubDocument document, AuditScope scope)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(scope);
        foreach (var step in document.Steps)
        {
            if (step.Uses is { Kind: UsesKind.Repository, SubPath: { } path } uses && IsObfuscatedPath(path))
            {
                yield return scope.AtStep(this, step, $"'{uses.Raw}' uses a non-canonical path; write it as '{uses.Owner}/{uses.Repo}/{Canonical(path)}'.", uses.Raw);
            }

            if (step.Node.Entry("with") is { Value: YamlScalar with } withEntry && with.Value.Contains("${{", StringComparison.Ordinal))
            {
                yield return scope.AtEntry(this, withEntry, $"Step '{step.DisplayName}' computes all of its inputs with an expression, which hides what the action receives.", "with:" + with.Value.Trim(), severity: Severity.Info);
            }
        }

        foreach (var site in ExpressionSites.All(document))
        {
            foreach (var constant in ConstantParts(site.Parsed))
            {
                var text = site.Body[constant.Start..constant.End];
                yield return scope.Hit(
                    this,
                    scope.Source.Of(site.Scalar, site.BodyOffset + constant.Start, text.Length),
                    $"The expression '{text}' always evaluates to the same value; write the value itself.",
                    text,
                    feature: site.Scalar);
            }
        }
    }

    private static IEnumerable<Expr> ConstantParts(Expr root)
    {
        if (ExpressionEvaluator.TryEvaluate(root) is not null)
        {
            yield return root;
            yield break;
        }

        if (root is IndexExpr or MemberExpr)
        {
            yield break;
        }

        var stack = new Stack<Expr>();
        foreach (var child in ExpressionAnalysis.Children(root).Reverse())
        {
            stack.Push(child);
        }

        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node is LiteralExpr or IdentifierExpr or StarExpr)
            {
                continue;
            }

            if (node is IndexExpr or MemberExpr)
            {
                continue;
            }

            if (ExpressionEvaluator.TryEvaluate(node) is not null)
            {
                yield return node is GroupExpr g ? g.Inner : node;
                continue;
            }

            foreach (var child in ExpressionAnalysis.Children(node).Reverse())
            {
                stack.Push(child);
            }
        }
    }

    private static bool IsObfuscatedPath(string path) =>
        path.Length == 0 || path.EndsWith('/') || path.Contains("//", StringComparison.Ordinal) || path.Split('/').Any(s => s is "." or "..");

    private static string Canonical(string path)
    {
        var parts = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            if (segment is "" or ".")
            {
                continue;
            }

            if (segment == ".." && parts.Count > 0)
            {
                parts.RemoveAt(parts.Count - 1);
                continue;
            }

            parts.Add(segment);
        }

        return string.Join('/', parts);
    }
}
