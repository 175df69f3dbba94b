using Shipgate.Workflows.Shell;

namespace Shipgate.Workflows.GitHubActions;

/// <summary>
/// What the <c>GITHUB_TOKEN</c> of a job needs, inferred from a bundled table of popular actions (by
/// <c>owner/repo[/path]</c>, some depending on an input) and from <c>gh</c>/<c>git push</c> commands in <c>run:</c>.
/// Used by the least-privilege <c>permissions:</c> fix. Unknown actions are assumed to need no more than
/// <c>contents: read</c>. Static and read-only.
/// </summary>
public static class ActionPermissions
{
    private delegate bool Condition(JobStep step);

    private sealed record Need(string Action, Condition? When, params (string Scope, string Level)[] Grants);

    private static bool Input(JobStep step, string name, Func<string, bool> test) => step.Input(name) is { } v && test(v.Value);

    private static bool NoInput(JobStep step, string name) => step.Input(name) is null;

    private static readonly Need[] Table =
    [
        new("actions/checkout", null, ("contents", "read")),
        new("actions/deploy-pages", null, ("pages", "write"), ("id-token", "write")),
        new("actions/configure-pages", s => Input(s, "enablement", v => v.Equals("true", StringComparison.OrdinalIgnoreCase)), ("pages", "write")),
        new("actions/attest-build-provenance", null, ("id-token", "write"), ("attestations", "write")),
        new("actions/attest-sbom", null, ("id-token", "write"), ("attestations", "write")),
        new("actions/attest", null, ("id-token", "write"), ("attestations", "write")),
        new("actions/create-release", null, ("contents", "write")),
        new("actions/upload-release-asset", null, ("contents", "write")),
        new("actions/labeler", null, ("contents", "read"), ("pull-requests", "write")),
        new("actions/stale", null, ("issues", "write"), ("pull-requests", "write")),
        new("actions/first-interaction", null, ("issues", "write"), ("pull-requests", "write")),
        new("actions/dependency-review-action", s => Input(s, "comment-summary-in-pr", v => v is not ("false" or "never")), ("pull-requests", "write")),
        new("github/codeql-action/upload-sarif", null, ("security-events", "write")),
        new("github/codeql-action/analyze", null, ("security-events", "write"), ("actions", "read")),
        new("github/codeql-action/init", null, ("security-events", "write")),
        new("ossf/scorecard-action", null, ("security-events", "write"), ("id-token", "write")),
        new("softprops/action-gh-release", null, ("contents", "write")),
        new("ncipollo/release-action", null, ("contents", "write")),
        new("googleapis/release-please-action", null, ("contents", "write"), ("pull-requests", "write")),
        new("google-github-actions/release-please-action", null, ("contents", "write"), ("pull-requests", "write")),
        new("release-drafter/release-drafter", null, ("contents", "write"), ("pull-requests", "write")),
        new("peter-evans/create-pull-request", null, ("contents", "write"), ("pull-requests", "write")),
        new("peter-evans/create-or-update-comment", null, ("issues", "write"), ("pull-requests", "write")),
        new("marocchino/sticky-pull-request-comment", null, ("pull-requests", "write")),
        new("thollander/actions-comment-pull-request", null, ("pull-requests", "write")),
        new("stefanzweifel/git-auto-commit-action", null, ("contents", "write")),
        new("EndBug/add-and-commit", null, ("contents", "write")),
        new("JamesIves/github-pages-deploy-action", null, ("contents", "write")),
        new("peaceiris/actions-gh-pages", s => NoInput(s, "deploy_key") && NoInput(s, "personal_token"), ("contents", "write")),
        new("dependabot/fetch-metadata", null, ("pull-requests", "read")),
        new("super-linter/super-linter", null, ("statuses", "write")),
        new("docker/login-action", s => Input(s, "registry", v => v.Contains("ghcr.io", StringComparison.OrdinalIgnoreCase)), ("packages", "write")),
        new("aws-actions/configure-aws-credentials", s => NoInput(s, "aws-access-key-id"), ("id-token", "write")),
        new("azure/login", s => NoInput(s, "creds"), ("id-token", "write")),
        new("google-github-actions/auth", s => NoInput(s, "credentials_json"), ("id-token", "write")),
        new("pypa/gh-action-pypi-publish", s => NoInput(s, "password"), ("id-token", "write")),
        new("rubygems/release-gem", null, ("id-token", "write"), ("contents", "write")),
        new("sigstore/gh-action-sigstore-python", null, ("id-token", "write")),
    ];

    private static readonly Dictionary<string, Need[]> ByAction = Table
        .GroupBy(n => n.Action.ToLowerInvariant())
        .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);

    /// <summary>The scopes a step needs beyond nothing (e.g. <c>contents: read</c> for checkout), highest level per scope.</summary>
    public static IReadOnlyDictionary<string, string> Of(JobStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        var grants = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (step.Uses is { Kind: UsesKind.Repository } uses && ByAction.TryGetValue(uses.Target, out var needs))
        {
            foreach (var need in needs.Where(n => n.When is null || n.When(step)))
            {
                foreach (var (scope, level) in need.Grants)
                {
                    Add(grants, scope, level);
                }
            }
        }

        if (step.Run is { } run)
        {
            foreach (var command in ShellScript.Commands(run.Value, ShellScript.IsPowerShell(step.Shell)))
            {
                var words = command.Words.Select(w => w.Text).ToArray();
                switch (words)
                {
                    case ["gh", "release", "create" or "upload" or "edit" or "delete" or "delete-asset", ..]:
                        Add(grants, "contents", "write");
                        break;
                    case ["gh", "pr", "comment" or "edit" or "merge" or "review" or "create" or "close" or "reopen" or "ready", ..]:
                        Add(grants, "pull-requests", "write");
                        break;
                    case ["gh", "issue", "comment" or "create" or "edit" or "close" or "reopen" or "delete" or "lock" or "unlock", ..]:
                        Add(grants, "issues", "write");
                        break;
                    case ["gh", "workflow", "run" or "enable" or "disable", ..]:
                    case ["gh", "run", "rerun" or "cancel" or "delete", ..]:
                        Add(grants, "actions", "write");
                        break;
                    case ["git", "push", ..]:
                        Add(grants, "contents", "write");
                        break;
                }
            }
        }

        return grants;
    }

    /// <summary>The union of <see cref="Of(JobStep)"/> over a job's steps.</summary>
    public static IReadOnlyDictionary<string, string> Of(Job job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var grants = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var step in job.Steps)
        {
            foreach (var (scope, level) in Of(step))
            {
                Add(grants, scope, level);
            }
        }

        return grants;
    }

    private static void Add(SortedDictionary<string, string> grants, string scope, string level)
    {
        if (!grants.TryGetValue(scope, out var existing) || (existing == "read" && level == "write"))
        {
            grants[scope] = level;
        }
    }
}
