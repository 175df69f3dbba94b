using Shipgate.Core;
using Shipgate.Workflows.Expressions;
using Shipgate.Workflows.GitHubActions;
using Shipgate.Yaml;

namespace Shipgate.Workflows.Rules;

/// <summary>GHA014: jobs on self-hosted runners, which keep state between jobs and sit inside the network (auditor).</summary>
public sealed class SelfHostedRunner : WorkflowRule<GitHubDocument>
{
    public override RuleMetadata Metadata { get; } = new(
        "GHA014", "self-hosted-runner", "Job runs on a self-hosted runner", Category.Workflows, Severity.Medium, Confidence.High)
    {
        Equivalents = ["zizmor:self-hosted-runner"],
        Description = "Self-hosted runners are usually persistent and inside a private network: a job that runs untrusted code (a pull request from a fork) can leave a backdoor for later jobs or reach internal systems.",
        Remediation = "Use ephemeral, isolated runners for untrusted code, and never let public repositories' pull requests reach self-hosted runners.",
        Tags = ["security", "infrastructure"],
    };

    public override IEnumerable<AuditHit> Audit(GitHubDocument document, AuditScope scope)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(scope);
        foreach (var job in document.Workflow?.Jobs ?? [])
        {
            if (job.Node.Entry("runs-on") is not { } entry)
            {
                continue;
            }

            var labels = Labels(job, entry.Value).ToList();
            if (labels.Any(l => l.Equals("self-hosted", StringComparison.OrdinalIgnoreCase)))
            {
                yield return scope.AtEntry(this, entry, $"Job '{job.Id}' runs on a self-hosted runner.", job.Id, persona: Persona.Auditor);
            }
            else if (entry.Value is YamlMapping { } map && map.ContainsKey("group"))
            {
                yield return scope.AtEntry(this, entry, $"Job '{job.Id}' runs in a runner group, which usually holds self-hosted runners.", job.Id, confidence: Confidence.Low, persona: Persona.Auditor);
            }
        }
    }

    private static IEnumerable<string> Labels(Job job, YamlNode node)
    {
        switch (node)
        {
            case YamlScalar scalar when TemplateExpression.AsWhole(scalar.Value) is { Parsed: { } parsed }
                && ContextAccess.PatternOf(parsed) is { } pattern && pattern.StartsWith("matrix.", StringComparison.Ordinal) && job.Matrix is YamlMapping matrix:
                foreach (var value in MatrixValues.ValuesOf(matrix, pattern["matrix.".Length..]))
                {
                    foreach (var label in Labels(job, value))
                    {
                        yield return label;
                    }
                }

                break;
            case YamlScalar scalar:
                yield return scalar.Value.Trim();
                break;
            case YamlSequence sequence:
                foreach (var item in sequence.Items)
                {
                    foreach (var label in Labels(job, item))
                    {
                        yield return label;
                    }
                }

                break;
            case YamlMapping mapping when mapping["labels"] is { } labels:
                foreach (var label in Labels(job, labels))
                {
                    yield return label;
                }

                break;
        }
    }
}
