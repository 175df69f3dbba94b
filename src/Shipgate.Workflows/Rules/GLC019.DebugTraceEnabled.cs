using Shipgate.Core;
using Shipgate.Workflows.GitLab;

namespace Shipgate.Workflows.Rules;

/// <summary>GLC019: debug tracing exposes every variable.</summary>
public sealed class DebugTraceEnabled : WorkflowRule<GitLabPipeline>
{
    public override RuleMetadata Metadata { get; } = new(
        "GLC019", "debug-trace-enabled", "Debug tracing exposes every variable", Category.Workflows, Severity.High, Confidence.High)
    {
        Equivalents = ["concept:GLC-DEBUG-TRACE"],
        Description = "CI_DEBUG_TRACE and CI_DEBUG_SERVICES make the runner print every command with its expanded environment, including masked and protected variables, to the job log.",
        Remediation = "Remove CI_DEBUG_TRACE from the file; enable it only temporarily and only on a job that receives no secrets.",
        Tags = ["security", "secrets"],
    };

    public override IEnumerable<AuditHit> Audit(GitLabPipeline document, AuditScope scope)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(scope);
        foreach (var variable in GitLabSupport.Variables(document))
        {
            if (variable.Entry.Key.Value is "CI_DEBUG_TRACE" or "CI_DEBUG_SERVICES" && variable.Value.Trim().Trim('"').Equals("true", StringComparison.OrdinalIgnoreCase))
            {
                yield return scope.At(this, variable.Source, variable.Entry, $"{variable.Entry.Key.Value} is enabled in {variable.Owner}, which prints every variable to the job log.", variable.Owner + ":" + variable.Entry.Key.Value);
            }
        }
    }
}
