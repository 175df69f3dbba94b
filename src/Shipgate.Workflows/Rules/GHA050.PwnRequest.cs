using Shipgate.Core;
using Shipgate.Workflows.GitHubActions;
using Shipgate.Workflows.Shell;
using Shipgate.Yaml;

namespace Shipgate.Workflows.Rules;

/// <summary>GHA050: a privileged trigger (pull_request_target, workflow_run) that checks out or fetches the pull request's code.</summary>
public sealed class PwnRequest : WorkflowRule<GitHubDocument>
{
    private static readonly string[] HeadReferences =
    [
        "github.event.pull_request.head.sha", "github.event.pull_request.head.ref", "github.head_ref",
        "github.event.pull_request.merge_commit_sha", "github.event.workflow_run.head_sha", "github.event.workflow_run.head_branch",
        "github.event.pull_request.head.repo.full_name", "github.event.workflow_run.head_repository.full_name", "refs/pull/",
    ];

    public override RuleMetadata Metadata { get; } = new(
        "GHA050", "pwn-request", "Privileged workflow checks out pull request code", Category.Workflows, Severity.Critical, Confidence.High)
    {
        Equivalents = ["concept:GHA-PWN-REQUEST", "poutine:untrusted_checkout_exec"],
        Description = "pull_request_target and workflow_run run with secrets and a write token; checking out the pull request's head (head.sha, head.ref, refs/pull/N/merge, gh pr checkout) and then building, testing or even installing it runs the attacker's code with those privileges — the classic \"pwn request\".",
        Remediation = "Run untrusted code only under pull_request (no secrets); if a privileged follow-up is needed, pass artifacts from that run to a workflow_run job that never executes them.",
        Tags = ["security", "injection", "cwe-829"],
    };

    public override IEnumerable<AuditHit> Audit(GitHubDocument document, AuditScope scope)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(scope);
        if (document.Workflow is not { } workflow || !(workflow.HasTrigger("pull_request_target") || workflow.HasTrigger("workflow_run")))
        {
            yield break;
        }

        foreach (var step in workflow.Steps)
        {
            if (step.Uses?.Matches("actions/checkout") == true && step.With is { } with)
            {
                foreach (var key in new[] { "ref", "repository" })
                {
                    if (with.Entry(key) is { Value: YamlScalar value } entry && MentionsHead(value.Value))
                    {
                        yield return scope.AtEntry(this, entry, $"Step '{step.DisplayName}' checks out the pull request's code ({key}: {value.Value.Trim()}) in a privileged workflow.", "checkout:" + value.Value.Trim());
                    }
                }
            }

            if (step.Run is { } run)
            {
                foreach (var command in ShellScript.Commands(run.Value))
                {
                    var words = command.Words.Select(w => w.Text).ToList();
                    var fetchesPr = (words.Count >= 3 && words[0] == "gh" && words[1] == "pr" && words[2] == "checkout")
                        || (words.Count >= 2 && words[0] == "git" && words[1] is "fetch" or "checkout" or "pull" && words.Skip(2).Any(MentionsHeadRef));
                    if (fetchesPr)
                    {
                        var text = string.Join(' ', words);
                        yield return scope.Hit(this, scope.Source.Of(run, command.Offset, command.Words[0].Text.Length), $"Step '{step.DisplayName}' fetches the pull request's code with '{text}' in a privileged workflow.", text, feature: step.Node);
                    }
                }
            }
        }
    }

    private static bool MentionsHead(string value) => HeadReferences.Any(h => value.Contains(h, StringComparison.OrdinalIgnoreCase));

    private static bool MentionsHeadRef(string word) =>
        MentionsHead(word) || word.Contains("pull/", StringComparison.Ordinal) || word.Contains("GITHUB_HEAD_REF", StringComparison.Ordinal);
}
