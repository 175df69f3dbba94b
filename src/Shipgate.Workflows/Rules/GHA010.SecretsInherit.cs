using Shipgate.Core;
using Shipgate.Workflows.GitHubActions;
using Shipgate.Yaml;

namespace Shipgate.Workflows.Rules;

/// <summary>GHA010: a reusable-workflow call that forwards every secret with <c>secrets: inherit</c>.</summary>
public sealed class SecretsInherit : WorkflowRule<GitHubDocument>
{
    public override RuleMetadata Metadata { get; } = new(
        "GHA010", "secrets-inherit", "Reusable workflow inherits every secret", Category.Workflows, Severity.Medium, Confidence.High)
    {
        Equivalents = ["zizmor:secrets-inherit"],
        Description = "secrets: inherit hands every repository and organisation secret to the called workflow, including ones it never uses, which widens the blast radius of any bug or compromise in it.",
        Remediation = "List the secrets the called workflow needs under secrets: explicitly.",
        Tags = ["security", "secrets"],
    };

    public override IEnumerable<AuditHit> Audit(GitHubDocument document, AuditScope scope)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(scope);
        foreach (var job in document.Workflow?.Jobs ?? [])
        {
            if (job.UsesScalar is { } uses && job.Secrets is YamlScalar { Value: "inherit" })
            {
                yield return scope.AtUses(this, uses, job.Node, $"Job '{job.Id}' passes all secrets to '{uses.Value}'; forward only the secrets it needs.");
            }
        }
    }
}
