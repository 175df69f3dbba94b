using Shipgate.Core;
using Shipgate.Workflows.Expressions;
using Shipgate.Workflows.GitHubActions;

namespace Shipgate.Workflows.Rules;

/// <summary>GHA011: the whole secrets context (toJSON(secrets), secrets[expr]) handed to a step.</summary>
public sealed class OverprovisionedSecrets : WorkflowRule<GitHubDocument>
{
    public override RuleMetadata Metadata { get; } = new(
        "GHA011", "overprovisioned-secrets", "Every secret exposed at once", Category.Workflows, Severity.Medium, Confidence.High)
    {
        Equivalents = ["zizmor:overprovisioned-secrets"],
        Description = "toJSON(secrets) or secrets[computed] loads every secret of the repository into the runner, so a step that needs one can leak all of them.",
        Remediation = "Reference the individual secrets the step needs (secrets.NAME).",
        Tags = ["security", "secrets", "least-privilege"],
    };

    public override IEnumerable<AuditHit> Audit(GitHubDocument document, AuditScope scope)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(scope);
        foreach (var site in ExpressionSites.All(document))
        {
            foreach (var node in ExpressionAnalysis.Descendants(site.Parsed))
            {
                var whole = node is IdentifierExpr { Name: var n } && n.Equals("secrets", StringComparison.OrdinalIgnoreCase) && IsWholeSecretsArgument(site.Parsed, node);
                var computed = node is IndexExpr { Target: IdentifierExpr { Name: var t }, Index: not LiteralExpr and not StarExpr } && t.Equals("secrets", StringComparison.OrdinalIgnoreCase);
                if (whole || computed)
                {
                    yield return scope.AtNode(this, site.Scalar, $"The expression '{site.Body.Trim()}' exposes the entire secrets context to this step.", site.Body.Trim());
                    break;
                }
            }
        }
    }

    private static bool IsWholeSecretsArgument(Expr root, Expr secrets) =>
        ExpressionAnalysis.Descendants(root).Any(n => n is CallExpr call && call.Arguments.Any(a => ReferenceEquals(a, secrets)));
}
