using Shipgate.Core;
using Shipgate.Workflows.GitLab;

namespace Shipgate.Workflows.Rules;

/// <summary>GLC018: secret printed to the job log.</summary>
public sealed class SecretEchoed : WorkflowRule<GitLabPipeline>
{
    public override RuleMetadata Metadata { get; } = new(
        "GLC018", "secret-echoed", "Secret printed to the job log", Category.Workflows, Severity.High, Confidence.Medium)
    {
        Equivalents = ["concept:GLC-SECRET-ECHOED"],
        Description = "Job logs are visible to everyone who can see the pipeline; printing a credential variable (or tracing with set -x) writes it there, and masking only works for variables that are masked and printed unchanged.",
        Remediation = "Never echo credentials; remove set -x from jobs that handle them and mark the variables as masked.",
        Tags = ["security", "secrets", "cwe-532"],
    };

    public override IEnumerable<AuditHit> Audit(GitLabPipeline document, AuditScope scope)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(scope);
        foreach (var command in GitLabSupport.Commands(document))
        {
            var words = command.Command.Words.Select(w => w.Text).ToList();
            var printed = words[0] is "echo" or "printf" or "cat" && words.Skip(1).Any(w => ReferencesSecret(w));
            var traced = words.Count >= 2 && words[0] == "set" && words.Skip(1).Any(w => w.StartsWith('-') && w.Contains('x', StringComparison.Ordinal));
            if (printed || traced)
            {
                yield return new AuditScope(scope.Context, command.Job.Source).Hit(
                    this,
                    GitLabSupport.At(command),
                    printed ? $"Job '{command.Job.Name}' prints a credential variable ('{GitLabSupport.Text(command.Command)}')." : $"Job '{command.Job.Name}' turns on shell tracing, which prints every expanded variable.",
                    command.Job.Name + ":" + GitLabSupport.Text(command.Command),
                    command.Line,
                    severity: printed ? Severity.High : Severity.Medium);
            }
        }
    }

    private static bool ReferencesSecret(string word)
    {
        foreach (var part in word.Split('$').Skip(1))
        {
            var name = new string(part.TrimStart('{').TakeWhile(c => char.IsAsciiLetterOrDigit(c) || c == '_').ToArray());
            if (name.Length > 0 && GitLabSupport.IsSecretName(name))
            {
                return true;
            }
        }

        return false;
    }
}
