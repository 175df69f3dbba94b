using Shipgate.Core;
using Shipgate.Workflows.GitHubActions;
using Shipgate.Yaml;

namespace Shipgate.Workflows.Rules;

/// <summary>GHA008: ACTIONS_ALLOW_UNSECURE_COMMANDS re-enables the deprecated set-env and add-path commands.</summary>
public sealed class InsecureCommands : WorkflowRule<GitHubDocument>
{
    public override RuleMetadata Metadata { get; } = new(
        "GHA008", "insecure-commands", "Deprecated workflow commands re-enabled", Category.Workflows, Severity.High, Confidence.High)
    {
        Equivalents = ["zizmor:insecure-commands"],
        Description = "With ACTIONS_ALLOW_UNSECURE_COMMANDS set, any process that prints ::set-env:: or ::add-path:: to the log changes the job's environment, so printing untrusted text (a PR title, a test name) becomes code execution.",
        Remediation = "Remove ACTIONS_ALLOW_UNSECURE_COMMANDS and write to $GITHUB_ENV / $GITHUB_PATH instead.",
        Tags = ["security", "injection"],
    };

    public override IEnumerable<AuditHit> Audit(GitHubDocument document, AuditScope scope)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(scope);
        var owners = new List<YamlMapping> { document.Root };
        owners.AddRange(document.Workflow?.Jobs.Select(j => j.Node) ?? []);
        owners.AddRange(document.Steps.Select(s => s.Node));
        foreach (var owner in owners)
        {
            if (owner.Entry("env") is { Value: YamlMapping env } entry && env["ACTIONS_ALLOW_UNSECURE_COMMANDS"] is YamlScalar value
                && !value.Value.Trim().Equals("false", StringComparison.OrdinalIgnoreCase) && value.Value.Trim().Length > 0)
            {
                yield return scope.AtEntry(this, entry, "ACTIONS_ALLOW_UNSECURE_COMMANDS is set, which re-enables the ::set-env:: and ::add-path:: log commands.", "ACTIONS_ALLOW_UNSECURE_COMMANDS");
            }
        }
    }
}
