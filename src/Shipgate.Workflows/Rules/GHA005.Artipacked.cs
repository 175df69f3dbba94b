using Shipgate.Core;
using Shipgate.Workflows.Fixes;
using Shipgate.Workflows.GitHubActions;
using Shipgate.Yaml;

namespace Shipgate.Workflows.Rules;

/// <summary>GHA005: actions/checkout leaves the token in .git/config (persist-credentials not false).</summary>
public sealed class Artipacked : WorkflowRule<GitHubDocument>
{
    public override RuleMetadata Metadata { get; } = new(
        "GHA005", "artipacked", "Checkout persists the token in the workspace", Category.Workflows, Severity.Medium, Confidence.Low)
    {
        Equivalents = ["zizmor:artipacked"],
        Description = "actions/checkout writes the job's GITHUB_TOKEN into .git/config unless persist-credentials is false; any later step, or an uploaded artifact of the workspace, can read it.",
        Remediation = "Add with: persist-credentials: false to the checkout step and pass credentials explicitly to the steps that push.",
        Tags = ["security", "credentials"],
    };

    public override IEnumerable<AuditHit> Audit(GitHubDocument document, AuditScope scope)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(scope);
        var groups = document.Workflow is { } workflow
            ? workflow.Jobs.Select(j => (Steps: j.Steps, Persona: Persona.Regular))
            : [(Steps: document.Steps.ToList() as IReadOnlyList<JobStep>, Persona: Persona.Auditor)];
        foreach (var (steps, groupPersona) in groups)
        {
            var uploads = steps.Any(s => s.Uses?.Matches("actions/upload-artifact") == true);
            foreach (var step in steps)
            {
                if (step.Uses?.Matches("actions/checkout") != true || step.Node["with"] is YamlScalar)
                {
                    continue;
                }

                var persist = step.Input("persist-credentials");
                if (persist is null)
                {
                    var edit = step.With is { } with
                        ? YamlFixes.AddEntry(scope.Source, with, "persist-credentials", "false")
                        : YamlFixes.AddBlock(scope.Source, step.Node, "with", "persist-credentials", "false");
                    var hit = scope.AtStep(
                        this,
                        step,
                        $"Step '{step.DisplayName}' checks out with the token persisted in .git/config; set persist-credentials: false.",
                        "checkout:" + step.DisplayName,
                        severity: uploads ? Severity.High : null,
                        confidence: uploads ? Confidence.Medium : null,
                        persona: groupPersona);
                    yield return edit is null ? hit : hit with { Finding = hit.Finding with { Fix = new Fix("Set persist-credentials: false on the checkout step", [edit]) } };
                }
                else if (persist.Value.Trim().Equals("true", StringComparison.OrdinalIgnoreCase))
                {
                    yield return scope.AtStep(
                        this,
                        step,
                        $"Step '{step.DisplayName}' explicitly persists the token in .git/config (persist-credentials: true).",
                        "checkout-explicit:" + step.DisplayName,
                        persona: Persona.Auditor);
                }
            }
        }
    }
}
