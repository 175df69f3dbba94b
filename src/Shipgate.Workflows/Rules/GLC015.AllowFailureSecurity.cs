using Shipgate.Core;
using Shipgate.Workflows.GitLab;

using Shipgate.Yaml;

namespace Shipgate.Workflows.Rules;

/// <summary>GLC015: security job allowed to fail.</summary>
public sealed class AllowFailureSecurity : WorkflowRule<GitLabPipeline>
{
    public override RuleMetadata Metadata { get; } = new(
        "GLC015", "allow-failure-security", "Security job allowed to fail", Category.Workflows, Severity.Medium, Confidence.Medium)
    {
        Equivalents = ["concept:GLC-ALLOW-FAILURE-SECURITY"],
        Description = "allow_failure: true on a scanning job (SAST, dependency or secret detection, container scanning) turns its failure into a warning, so a finding or a broken scanner never blocks the pipeline.",
        Remediation = "Remove allow_failure from security jobs, or gate merges on the security report with a policy.",
        Tags = ["security", "policy"],
    };

    public override IEnumerable<AuditHit> Audit(GitLabPipeline document, AuditScope scope)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(scope);
        foreach (var job in document.Jobs)
        {
            if (job.Node.Entry("allow_failure") is not { } entry || entry.Value is YamlScalar { AsBoolean: false })
            {
                continue;
            }

            var name = (job.Name + " " + job.Node.ScalarValue("extends") + " " + job.Node.ScalarValue("stage")).ToLowerInvariant();
            if (SecurityWords.Any(w => name.Contains(w, StringComparison.Ordinal)))
            {
                yield return scope.At(this, job.Source, entry, $"Security job '{job.Name}' is allowed to fail, so its findings never block the pipeline.", job.Name);
            }
        }
    }

    private static readonly string[] SecurityWords =
    [
        "sast", "dependency_scanning", "dependency-scanning", "secret_detection", "secret-detection", "container_scanning",
        "container-scanning", "dast", "trivy", "gitleaks", "semgrep", "grype", "snyk", "security", "audit", "shipgate", "zizmor",
    ];
}
