using Shipgate.Core;
using Shipgate.Workflows.GitHubActions;

namespace Shipgate.Workflows.Rules;

/// <summary>GHA021: publishing to a registry with a long-lived token where Trusted Publishing (OIDC) is available.</summary>
public sealed class UseTrustedPublishing : WorkflowRule<GitHubDocument>
{
    private static readonly string[] PypiIndexes = ["https://upload.pypi.org/legacy/", "https://test.pypi.org/legacy/"];
    private static readonly string[] NpmRegistries = ["https://registry.npmjs.org", "https://registry.npmjs.org/"];

    public override RuleMetadata Metadata { get; } = new(
        "GHA021", "use-trusted-publishing", "Publishing with a long-lived token instead of Trusted Publishing", Category.Workflows, Severity.Info, Confidence.High)
    {
        Equivalents = ["zizmor:use-trusted-publishing"],
        Description = "PyPI, npm, RubyGems, crates.io and NuGet accept short-lived OIDC credentials from GitHub Actions (Trusted Publishing); a stored API token is a long-lived secret that can leak and be reused anywhere.",
        Remediation = "Configure Trusted Publishing on the registry, grant the job id-token: write, and drop the token input or environment variable.",
        Tags = ["security", "credentials", "supply-chain"],
    };

    public override IEnumerable<AuditHit> Audit(GitHubDocument document, AuditScope scope)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(scope);
        foreach (var step in document.Steps)
        {
            if (ManualCredentialAction(step) is { } reason && step.Node.Entry("uses") is { } usesEntry)
            {
                yield return scope.Hit(this, scope.Source.Span(usesEntry.Key.Start.Offset, usesEntry.Value.End.Offset), $"Step '{step.DisplayName}' {reason}; use Trusted Publishing instead.", step.Uses!.Target + ":" + reason, feature: step.Node);
            }
        }

        foreach (var (step, script, command) in RunCommands.Of(document, workflowsOnly: true))
        {
            if (HasIdToken(step.Job!))
            {
                continue;
            }

            var words = RunCommands.Unwrapped(command);
            if (IsPublish(words))
            {
                var text = string.Join(' ', command.Words.Select(w => w.Text));
                yield return scope.Hit(
                    this,
                    scope.Source.Of(script, command.Offset, command.Words[0].Text.Length),
                    $"Step '{step.DisplayName}' publishes with '{text}' using a stored credential; use Trusted Publishing instead.",
                    text,
                    feature: step.Node);
            }
        }
    }

    private static bool HasIdToken(Job job) =>
        job.Permissions.Scope("id-token") == "write" || job.Permissions.Kind == PermissionsKind.WriteAll
        || (job.Permissions.Kind == PermissionsKind.Default && (job.Workflow.Permissions.Scope("id-token") == "write" || job.Workflow.Permissions.Kind == PermissionsKind.WriteAll));

    private static string? ManualCredentialAction(JobStep step)
    {
        if (step.Uses is not { Kind: UsesKind.Repository } uses)
        {
            return null;
        }

        string? Input(string name) => step.Input(name) is { IsNull: false } s ? s.Value.Trim() : null;
        bool KnownOrAbsent(string? value, string[] known) => value is null || known.Contains(value, StringComparer.Ordinal);

        if (uses.Matches("pypa/gh-action-pypi-publish") && !string.IsNullOrEmpty(Input("password"))
            && KnownOrAbsent(Input("repository-url"), PypiIndexes) && KnownOrAbsent(Input("repository_url"), PypiIndexes))
        {
            return "passes a PyPI password or API token";
        }

        if (uses.Matches("rubygems/release-gem") && string.Equals(Input("setup-trusted-publisher"), "false", StringComparison.OrdinalIgnoreCase))
        {
            return "turns off the trusted publisher setup";
        }

        if (uses.Matches("rubygems/configure-rubygems-credentials") && !string.IsNullOrEmpty(Input("api-token"))
            && KnownOrAbsent(Input("gem-server"), ["https://rubygems.org"]))
        {
            return "configures a RubyGems API token";
        }

        if (uses.Matches("actions/setup-node") && KnownOrAbsent(Input("registry-url"), NpmRegistries)
            && string.Equals(Input("always-auth"), "true", StringComparison.OrdinalIgnoreCase))
        {
            return "configures always-auth for the npm registry";
        }

        return null;
    }

    private static bool IsPublish(IReadOnlyList<string> words)
    {
        if (words.Count < 2)
        {
            return false;
        }

        var args = words.Skip(1).ToHashSet(StringComparer.Ordinal);
        return words[0].ToLowerInvariant() switch
        {
            "cargo" => args.Contains("publish") && !args.Contains("--dry-run") && !args.Contains("-n"),
            "uv" => args.Contains("publish") && !args.Contains("--dry-run"),
            "hatch" or "pdm" or "poetry" => args.Contains("publish") && !args.Contains("--dry-run"),
            "twine" => args.Contains("upload"),
            "gem" => args.Contains("push"),
            "npm" => args.Contains("publish") && !args.Contains("--dry-run"),
            "yarn" => args.Contains("npm") && args.Contains("publish") && !args.Contains("--dry-run") && !args.Contains("-n"),
            "pnpm" or "bun" => args.Contains("publish") && !args.Contains("--dry-run"),
            "nuget" => args.Contains("push"),
            "dotnet" => words.Count > 2 && words[1] == "nuget" && words[2] == "push",
            _ => false,
        };
    }
}
