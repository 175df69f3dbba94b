using Shipgate.Core;
using Shipgate.Workflows.GitHubActions;
using Shipgate.Yaml;

namespace Shipgate.Workflows.Rules;

/// <summary>GHA009: a registry password written literally in a job container or service definition.</summary>
public sealed class HardcodedContainerCredentials : WorkflowRule<GitHubDocument>
{
    public override RuleMetadata Metadata { get; } = new(
        "GHA009", "hardcoded-container-credentials", "Container registry password in the workflow", Category.Workflows, Severity.High, Confidence.High)
    {
        Equivalents = ["zizmor:hardcoded-container-credentials"],
        Description = "container.credentials.password or services.*.credentials.password holds a literal value, so the registry password is readable by anyone who can read the repository and lives forever in its history.",
        Remediation = "Store the password as a secret and reference it: password: ${{ secrets.REGISTRY_PASSWORD }}; then rotate the exposed one.",
        Tags = ["security", "secrets", "cwe-798"],
    };

    public override IEnumerable<AuditHit> Audit(GitHubDocument document, AuditScope scope)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(scope);
        foreach (var job in document.Workflow?.Jobs ?? [])
        {
            var containers = new List<(string Name, YamlMapping Node)>();
            if (job.Container is YamlMapping container)
            {
                containers.Add(("container", container));
            }

            foreach (var service in job.Services?.Entries ?? [])
            {
                if (service.Value is YamlMapping serviceNode)
                {
                    containers.Add(("service '" + service.Key.Value + "'", serviceNode));
                }
            }

            foreach (var (name, node) in containers)
            {
                if ((node["credentials"] as YamlMapping)?.Entry("password") is { Value: YamlScalar password } entry
                    && !password.IsNull && !password.Value.Contains("${{", StringComparison.Ordinal))
                {
                    yield return scope.AtEntry(this, entry, $"The {name} of job '{job.Id}' has a literal registry password.", job.Id + ":" + name);
                }
            }
        }
    }
}
