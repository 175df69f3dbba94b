using Shipgate.Core;
using Shipgate.Workflows.GitLab;

namespace Shipgate.Workflows.Rules;

/// <summary>GLC010: deployment job without an environment.</summary>
public sealed class GlcDeployWithoutEnvironment : WorkflowRule<GitLabPipeline>
{
    public override RuleMetadata Metadata { get; } = new(
        "GLC010", "glc-deploy-without-environment", "Deployment job without an environment", Category.Workflows, Severity.Medium, Confidence.Medium)
    {
        Equivalents = ["concept:GLC-DEPLOY-NO-ENVIRONMENT"],
        Description = "environment: is what GitLab uses for protected environments (approvals, allowed deployers), deployment history and environment-scoped variables; a deployment job without it bypasses all of them.",
        Remediation = "Add environment: name: production (or the right target) and protect that environment.",
        Tags = ["security", "deployment"],
    };

    public override IEnumerable<AuditHit> Audit(GitLabPipeline document, AuditScope scope)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(scope);
        foreach (var job in document.Jobs)
        {
            if (!job.IsHidden && job.Environment is null && GitLabSupport.LooksLikeDeploy(job))
            {
                yield return scope.At(this, job.Source, job.KeyEntry, $"Job '{job.Name}' looks like a deployment but has no environment:.", job.Name);
            }
        }
    }
}
