using Shipgate.Workflows.Expressions;

namespace Shipgate.Workflows.GitHubActions;

/// <summary>How much of a context's value an attacker can choose.</summary>
public enum Capability
{
    /// <summary>A number, SHA, enum or other value with no room for code.</summary>
    Fixed,

    /// <summary>Constrained text (URLs, e-mail-like values).</summary>
    Structured,

    /// <summary>Free text: titles, bodies, branch names, commit messages.</summary>
    Arbitrary,
}

/// <summary>
/// A curated map of GitHub contexts to how attacker-controllable they are, used by injection analysis.
/// Built from GitHub's documentation of contexts and webhook payloads; unknown contexts return null.
/// </summary>
public static class ContextCapabilities
{
    private static readonly HashSet<string> FixedExact = new(StringComparer.Ordinal)
    {
        "github.action_path", "github.action_ref", "github.action_repository", "github.action_status", "github.api_url",
        "github.graphql_url", "github.server_url", "github.job", "github.sha", "github.run_id", "github.run_number",
        "github.run_attempt", "github.retention_days", "github.repository_id", "github.repository_owner_id",
        "github.repository", "github.repository_owner", "github.actor_id", "github.triggering_actor", "github.workflow_sha",
        "github.event_name", "github.event_path", "github.ref_type", "github.ref_protected", "github.workspace",
        "github.path", "github.env", "github.output", "github.state", "github.step_summary", "github.action",
        "github.secret_source", "github.event.action", "github.event.number", "github.event.before", "github.event.after",
        "github.event.forced", "github.event.created", "github.event.deleted", "github.event.repository.full_name",
        "github.event.repository.name", "github.event.repository.owner.login", "github.event.repository.default_branch",
        "github.event.sender.type", "github.event.workflow_run.id", "github.event.workflow_run.run_number",
        "github.event.workflow_run.conclusion", "github.event.workflow_run.status", "github.event.workflow_run.event",
    };

    private static readonly HashSet<string> FixedLeaves = new(StringComparer.Ordinal)
    {
        "number", "id", "node_id", "sha", "fork", "draft", "merged", "locked", "private", "archived", "disabled",
        "created_at", "updated_at", "closed_at", "merged_at", "pushed_at", "submitted_at", "additions", "deletions",
        "changed_files", "commits", "comments", "review_comments", "size", "run_id", "run_number", "run_attempt",
        "workflow_id", "check_suite_id", "state", "author_association", "conclusion", "status", "merge_commit_sha",
        "mergeable", "rebaseable", "maintainer_can_modify", "site_admin", "stargazers_count", "forks_count",
        "open_issues_count", "watchers_count", "visibility", "is_template", "allow_forking", "tree_id", "distinct",
        "head_sha", "base_sha", "ahead_by", "behind_by", "installation", "type",
    };

    private static readonly string[] FixedOtherPrefixes = ["runner.", "strategy.", "job.status", "job.container.id", "job.services."];

    public static Capability? Of(ContextAccess context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var pattern = context.Pattern;
        if (pattern is null)
        {
            return null;
        }

        if (FixedExact.Contains(pattern))
        {
            return Capability.Fixed;
        }

        var segments = pattern.Split('.');
        var leaf = segments[^1];
        if (pattern.StartsWith("steps.", StringComparison.Ordinal) && segments.Length == 3 && leaf is "outcome" or "conclusion")
        {
            return Capability.Fixed;
        }

        if (pattern.StartsWith("needs.", StringComparison.Ordinal) && segments.Length == 3 && leaf == "result")
        {
            return Capability.Fixed;
        }

        if (FixedOtherPrefixes.Any(p => pattern == p.TrimEnd('.') || pattern.StartsWith(p, StringComparison.Ordinal)))
        {
            return Capability.Fixed;
        }

        if (pattern.StartsWith("github.event.", StringComparison.Ordinal))
        {
            if (FixedLeaves.Contains(leaf) || (segments.Length >= 2 && segments[^2] == "labels" && leaf == "*"))
            {
                return FixedLeaves.Contains(leaf) ? Capability.Fixed : null;
            }

            if (leaf.EndsWith("_url", StringComparison.Ordinal) || leaf == "url")
            {
                return Capability.Structured;
            }

            if (leaf is "title" or "body" or "message" or "ref" or "head_ref" or "label" or "name" or "email" or "description" or "text")
            {
                return Capability.Arbitrary;
            }
        }

        if (pattern is "github.head_ref" or "github.ref" or "github.ref_name" or "github.base_ref")
        {
            return Capability.Arbitrary;
        }

        return null;
    }
}
