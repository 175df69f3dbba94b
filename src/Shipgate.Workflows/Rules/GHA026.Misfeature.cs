using Shipgate.Core;
using Shipgate.Workflows.GitHubActions;
using Shipgate.Yaml;

namespace Shipgate.Workflows.Rules;

/// <summary>GHA026: features that work but are easy to misuse: shell: cmd, setup-python's pip-install.</summary>
public sealed class Misfeature : WorkflowRule<GitHubDocument>
{
    public override RuleMetadata Metadata { get; } = new(
        "GHA026", "misfeature", "Use of an error-prone workflow feature", Category.Workflows, Severity.Low, Confidence.High)
    {
        Equivalents = ["zizmor:misfeature"],
        Description = "shell: cmd has quoting rules that make safe interpolation nearly impossible and silently ignores failing commands; setup-python's pip-install installs packages outside any lockfile.",
        Remediation = "Use pwsh or bash instead of cmd, and install Python packages from a locked requirements file in a run: step.",
        Tags = ["security", "robustness"],
    };

    public override IEnumerable<AuditHit> Audit(GitHubDocument document, AuditScope scope)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(scope);
        var defaults = new List<YamlMapping?> { (document.Root["defaults"] as YamlMapping)?["run"] as YamlMapping };
        defaults.AddRange(document.Workflow?.Jobs.Select(j => (j.Node["defaults"] as YamlMapping)?["run"] as YamlMapping) ?? []);
        foreach (var run in defaults)
        {
            if (run?.Entry("shell") is { Value: YamlScalar { Value: "cmd" } } entry)
            {
                yield return scope.AtEntry(this, entry, "The default shell is cmd, whose quoting and error handling make scripts fragile and injectable.", "defaults-shell-cmd");
            }
        }

        foreach (var step in document.Steps)
        {
            if (step.Node.Entry("shell") is { Value: YamlScalar { Value: "cmd" } } shell)
            {
                yield return scope.AtEntry(this, shell, $"Step '{step.DisplayName}' runs with shell: cmd, whose quoting and error handling make scripts fragile and injectable.", "shell-cmd:" + step.DisplayName);
            }

            if (step.Uses?.Matches("actions/setup-python") == true && step.With?.Entry("pip-install") is { } pip)
            {
                yield return scope.AtEntry(this, pip, $"Step '{step.DisplayName}' installs packages with setup-python's pip-install, outside any lockfile.", "pip-install");
            }
        }
    }
}
