using Shipgate.Core;
using Shipgate.Workflows.Expressions;
using Shipgate.Workflows.GitHubActions;
using Shipgate.Yaml;

namespace Shipgate.Workflows.Rules;

/// <summary>GHA013: a job reads secrets without an <c>environment:</c>, so no protection rule can gate them (auditor).</summary>
public sealed class SecretsOutsideEnv : WorkflowRule<GitHubDocument>
{
    public override RuleMetadata Metadata { get; } = new(
        "GHA013", "secrets-outside-env", "Secrets used outside a deployment environment", Category.Workflows, Severity.Medium, Confidence.High)
    {
        Equivalents = ["zizmor:secrets-outside-env"],
        Description = "Repository and organisation secrets are available to any job on any branch; secrets scoped to a deployment environment are only released to jobs that reference the environment and pass its protection rules (reviewers, branch policies).",
        Remediation = "Move the secret into an environment and add environment: NAME to the job. Secrets that may stay repository-wide can be listed in the rule option allow.",
        Tags = ["security", "secrets"],
    };

    public override IEnumerable<AuditHit> Audit(GitHubDocument document, AuditScope scope)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(scope);
        var allowed = scope.Context.ListOption(this, "allow").Select(a => a.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        foreach (var job in document.Workflow?.Jobs ?? [])
        {
            if (job.Environment is not null || job.IsReusableCall)
            {
                continue;
            }

            foreach (var (scalar, pattern) in SecretReads(job.Node))
            {
                var name = pattern["secrets.".Length..];
                if (name is "github_token" || allowed.Contains(name))
                {
                    continue;
                }

                yield return scope.AtNode(this, scalar, $"Job '{job.Id}' reads {pattern} without an environment: that could gate it.", job.Id + ":" + pattern, persona: Persona.Auditor);
            }
        }
    }

    private static IEnumerable<(YamlScalar Scalar, string Pattern)> SecretReads(YamlNode root)
    {
        var stack = new Stack<YamlNode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            switch (stack.Pop())
            {
                case YamlScalar scalar when scalar.Value.Contains("secrets", StringComparison.OrdinalIgnoreCase):
                    foreach (var template in TemplateExpression.FindAll(scalar.Value))
                    {
                        foreach (var context in template.Parsed is { } p ? ExpressionAnalysis.AllContexts(p) : [])
                        {
                            if (context.Pattern is { } pattern && pattern.StartsWith("secrets.", StringComparison.Ordinal))
                            {
                                yield return (scalar, pattern);
                            }
                        }
                    }

                    break;
                case YamlSequence sequence:
                    foreach (var item in sequence.Items)
                    {
                        stack.Push(item);
                    }

                    break;
                case YamlMapping mapping:
                    foreach (var entry in mapping.Entries)
                    {
                        stack.Push(entry.Value);
                    }

                    break;
            }
        }
    }
}
