using Shipgate.Core;
using Shipgate.Workflows.Expressions;
using Shipgate.Workflows.GitHubActions;

namespace Shipgate.Workflows.Rules;

/// <summary>GHA012: fromJSON(secrets.X) produces values the log masker does not know, so they print in clear.</summary>
public sealed class UnredactedSecrets : WorkflowRule<GitHubDocument>
{
    public override RuleMetadata Metadata { get; } = new(
        "GHA012", "unredacted-secrets", "Secret transformed past log redaction", Category.Workflows, Severity.Medium, Confidence.High)
    {
        Equivalents = ["zizmor:unredacted-secrets"],
        Description = "The runner masks a secret's exact value in logs; fields taken out of a JSON secret with fromJSON() are new strings the masker has never seen, so they appear in clear text when printed.",
        Remediation = "Store each value as its own secret, or register the derived value with ::add-mask:: before using it.",
        Tags = ["security", "secrets"],
    };

    public override IEnumerable<AuditHit> Audit(GitHubDocument document, AuditScope scope)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(scope);
        foreach (var site in ExpressionSites.All(document))
        {
            foreach (var node in ExpressionAnalysis.Descendants(site.Parsed))
            {
                if (node is CallExpr { Arguments: [var argument] } call && call.Is("fromJSON") && ContextAccess.PatternOf(argument) is { } pattern
                    && pattern.StartsWith("secrets.", StringComparison.Ordinal))
                {
                    yield return scope.AtNode(this, site.Scalar, $"'{site.Body.Trim()}' decodes {pattern} with fromJSON, so the resulting values are not masked in logs.", site.Body.Trim());
                    break;
                }
            }
        }
    }
}
