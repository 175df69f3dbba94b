using Shipgate.Core;
using Shipgate.Workflows.GitLab;

namespace Shipgate.Workflows.Rules;

/// <summary>GLC007: attacker-controlled ci variable evaluated as code.</summary>
public sealed class PredefinedVariableInjection : WorkflowRule<GitLabPipeline>
{
    public override RuleMetadata Metadata { get; } = new(
        "GLC007", "predefined-variable-injection", "Attacker-controlled CI variable evaluated as code", Category.Workflows, Severity.High, Confidence.Medium)
    {
        Equivalents = ["concept:GLC-VARIABLE-INJECTION"],
        Description = "Variables such as CI_COMMIT_MESSAGE, CI_COMMIT_REF_NAME and CI_MERGE_REQUEST_TITLE hold text chosen by whoever pushes or opens a merge request; passed to eval, sh -c or used unquoted, that text is parsed as shell code.",
        Remediation = "Quote the variable (\"$CI_COMMIT_REF_NAME\") and never pass it to eval or sh -c; validate it against an allow-list pattern first.",
        Tags = ["security", "injection", "cwe-78"],
    };

    public override IEnumerable<AuditHit> Audit(GitLabPipeline document, AuditScope scope)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(scope);
        foreach (var command in GitLabSupport.Commands(document))
        {
            var words = command.Command.Words;
            var evaluates = words[0].Text is "eval" || (words.Count > 1 && words[0].Text is "sh" or "bash" && words[1].Text == "-c");
            foreach (var word in words)
            {
                var raw = command.Line.Value.Substring(Math.Min(word.Offset, command.Line.Value.Length));
                foreach (var name in Controlled)
                {
                    if (!word.Text.Contains("$" + name, StringComparison.Ordinal) && !word.Text.Contains("${" + name + "}", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    var unquoted = !raw.StartsWith('"') && !raw.StartsWith('\'');
                    if (evaluates || unquoted)
                    {
                        yield return new AuditScope(scope.Context, command.Job.Source).Hit(
                            this,
                            GitLabSupport.At(command),
                            $"Job '{command.Job.Name}' {(evaluates ? "evaluates" : "uses unquoted")} ${name}, which the author of a commit or merge request controls.",
                            command.Job.Name + ":" + name + ":" + GitLabSupport.Text(command.Command),
                            command.Line,
                            severity: evaluates ? Severity.High : Severity.Medium);
                        goto nextCommand;
                    }
                }
            }

        nextCommand:;
        }
    }

    private static readonly string[] Controlled =
    [
        "CI_COMMIT_MESSAGE", "CI_COMMIT_TITLE", "CI_COMMIT_DESCRIPTION", "CI_COMMIT_REF_NAME", "CI_COMMIT_BRANCH", "CI_COMMIT_TAG",
        "CI_COMMIT_TAG_MESSAGE", "CI_COMMIT_AUTHOR", "CI_MERGE_REQUEST_TITLE", "CI_MERGE_REQUEST_DESCRIPTION",
        "CI_MERGE_REQUEST_SOURCE_BRANCH_NAME", "CI_EXTERNAL_PULL_REQUEST_SOURCE_BRANCH_NAME", "CI_MERGE_REQUEST_LABELS",
    ];
}
