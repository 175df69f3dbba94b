using Shipgate.Core;
using Shipgate.Workflows.GitHubActions;
using Shipgate.Yaml;

namespace Shipgate.Workflows.Rules;

/// <summary>GHA023: an action, reusable workflow or pre-commit hook from an archived repository.</summary>
public sealed class ArchivedUses : WorkflowRule<GitHubDocument>
{
    /// <summary>Repositories known to be archived (no fixes, not even security ones), lower case.</summary>
    internal static readonly HashSet<string> Archived = new(StringComparer.OrdinalIgnoreCase)
    {
        "actions/create-release", "actions/upload-release-asset", "actions/setup-ruby", "actions/setup-elixir",
        "actions/setup-haskell", "actions/starter-workflows-ci", "actions-rs/toolchain", "actions-rs/cargo",
        "actions-rs/clippy-check", "actions-rs/audit-check", "actions-rs/tarpaulin", "actions-rs/grcov",
        "actions-rs/install", "actions-rs/components-nightly", "crazy-max/ghaction-docker-buildx",
        "crazy-max/ghaction-docker-login", "docker/build-push-action-v1", "andymckay/cancel-action",
        "styfle/cancel-workflow-action", "fkirc/skip-duplicate-actions-v1", "github/super-linter-v3",
        "pre-commit/mirrors-prettier", "pre-commit/mirrors-eslint", "pre-commit/mirrors-autopep8",
        "pre-commit/mirrors-yapf", "pre-commit/mirrors-isort", "pre-commit/mirrors-scss-lint",
        "pre-commit/mirrors-fixmyjs", "pre-commit/mirrors-csslint", "pre-commit/mirrors-puppet-lint",
        "microsoft/setup-msbuild-v1", "mikepenz/action-gh-release", "ncipollo/release-action-v1",
        "azure/container-actions", "azure/appservice-actions", "azure/k8s-actions", "google-github-actions/setup-gcloud-v0",
        "actions/setup-dotnet-v1", "peter-evans/create-or-update-comment-v1", "ilammy/msvc-dev-cmd-v0",
    };

    public override RuleMetadata Metadata { get; } = new(
        "GHA023", "archived-uses", "Dependency on an archived repository", Category.Workflows, Severity.Medium, Confidence.High)
    {
        Equivalents = ["zizmor:archived-uses"],
        Description = "Archived repositories get no fixes, including security fixes, and their maintainers no longer watch for takeovers of the names they depend on.",
        Remediation = "Move to the maintained replacement (for example ruby/setup-ruby instead of actions/setup-ruby, softprops/action-gh-release instead of actions/create-release).",
        Tags = ["security", "supply-chain", "maintenance"],
    };

    public override IEnumerable<AuditHit> Audit(GitHubDocument document, AuditScope scope)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(scope);
        foreach (var (uses, scalar, _, _, _) in RuleSupport.AllUses(document))
        {
            if (uses.Kind == UsesKind.Repository && Archived.Contains(uses.Slug))
            {
                yield return scope.AtUses(this, scalar, scalar, $"'{uses.Raw}' comes from the archived repository {uses.Slug}, which receives no fixes.");
            }
        }

        if (document.Kind == GitHubDocumentKind.PreCommit && document.Root["repos"] is YamlSequence repos)
        {
            foreach (var repo in repos.Items.OfType<YamlMapping>())
            {
                if (repo["repo"] is YamlScalar url && SlugOfGitHubUrl(url.Value) is { } slug && Archived.Contains(slug))
                {
                    yield return scope.AtUses(this, url, url, $"Hook repository '{url.Value}' is archived and receives no fixes.");
                }
            }
        }
    }

    internal static string? SlugOfGitHubUrl(string url)
    {
        foreach (var prefix in new[] { "https://github.com/", "http://github.com/", "git://github.com/", "git@github.com:" })
        {
            if (url.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                var rest = url[prefix.Length..].TrimEnd('/');
                if (rest.EndsWith(".git", StringComparison.OrdinalIgnoreCase))
                {
                    rest = rest[..^4];
                }

                var parts = rest.Split('/');
                return parts.Length >= 2 ? parts[0] + "/" + parts[1] : null;
            }
        }

        return null;
    }
}
