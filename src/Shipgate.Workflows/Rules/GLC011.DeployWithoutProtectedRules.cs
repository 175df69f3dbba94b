using Shipgate.Core;
using Shipgate.Workflows.GitLab;

using Shipgate.Yaml;

namespace Shipgate.Workflows.Rules;

/// <summary>GLC011: deployment job can run from any branch.</summary>
public sealed class DeployWithoutProtectedRules : WorkflowRule<GitLabPipeline>
{
    public override RuleMetadata Metadata { get; } = new(
        "GLC011", "deploy-without-protected-rules", "Deployment job can run from any branch", Category.Workflows, Severity.Medium, Confidence.Medium)
    {
        Equivalents = ["concept:GLC-DEPLOY-UNPROTECTED-RULES"],
        Description = "Without rules: (or only:) limiting a deployment job to the default branch, tags or protected refs, anyone who can push a branch can run it, with the deployment credentials it receives.",
        Remediation = "Add rules: - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH (or $CI_COMMIT_TAG / $CI_COMMIT_REF_PROTECTED == \"true\").",
        Tags = ["security", "deployment"],
    };

    public override IEnumerable<AuditHit> Audit(GitLabPipeline document, AuditScope scope)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(scope);
        foreach (var job in document.Jobs)
        {
            if (job.IsHidden || !(GitLabSupport.LooksLikeDeploy(job) || IsProductionEnvironment(job)))
            {
                continue;
            }

            var text = job.Source.RawOf(job.Node);
            var restricted = (job.Rules is not null || job.Node.ContainsKey("only"))
                && (text.Contains("CI_DEFAULT_BRANCH", StringComparison.Ordinal) || text.Contains("CI_COMMIT_TAG", StringComparison.Ordinal)
                    || text.Contains("CI_COMMIT_REF_PROTECTED", StringComparison.Ordinal) || text.Contains("main", StringComparison.Ordinal)
                    || text.Contains("master", StringComparison.Ordinal) || text.Contains("tags", StringComparison.Ordinal));
            if (!restricted)
            {
                yield return scope.At(this, job.Source, job.KeyEntry, $"Deployment job '{job.Name}' has no rules: limiting it to protected branches or tags.", job.Name);
            }
        }
    }

    private static bool IsProductionEnvironment(GitLabJob job)
    {
        var name = job.Environment switch
        {
            YamlScalar s => s.Value,
            YamlMapping m => m.ScalarValue("name"),
            _ => null,
        };
        return name is not null && (name.Contains("prod", StringComparison.OrdinalIgnoreCase) || name.Contains("live", StringComparison.OrdinalIgnoreCase));
    }
}
