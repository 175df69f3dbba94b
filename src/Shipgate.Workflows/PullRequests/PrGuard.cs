using Shipgate.Core;
using Shipgate.Workflows.Git;
using Shipgate.Workflows.GitLab;

using Shipgate.Yaml;

namespace Shipgate.Workflows.PullRequests;

public enum PrGuardVerdict
{
    /// <summary>The pull request comes from a branch of the same repository.</summary>
    NotFromFork,

    /// <summary>From a fork, but it changes no CI configuration.</summary>
    NoCiChanges,

    /// <summary>From a fork and changes CI configuration, but its author or a label is trusted.</summary>
    Trusted,

    /// <summary>From a fork and changes CI configuration: needs a maintainer's review.</summary>
    Blocked,
}

/// <summary>What <c>pr-guard</c> decided and the CI files it found changed.</summary>
public sealed record PrGuardResult(PrGuardVerdict Verdict, PullRequestEvent Event, IReadOnlyList<string> ChangedCiFiles, string? TrustedBy = null);

/// <summary>Options: extra globs that count as CI configuration, and trusted authors and labels.</summary>
public sealed record PrGuardOptions
{
    public IReadOnlyList<string> ExtraGlobs { get; init; } = [];

    public IReadOnlyList<string> TrustedAuthors { get; init; } = [];

    public IReadOnlyList<string> TrustedLabels { get; init; } = [];
}

/// <summary>
/// Decides whether a pull request from a fork changes CI configuration: the files <c>git diff --name-only
/// base...head</c> lists (renames as delete plus add) matched against <see cref="CiGlobs"/>, the local includes of
/// <c>.gitlab-ci.yml</c> (as of base and head) and extra globs. Fetching both commits is the caller's job; a missing
/// commit or merge base is an <see cref="InputFormatException"/> that says to fetch with <c>fetch-depth: 0</c>. Stateless.
/// </summary>
public static class PrGuard
{
    /// <summary>The paths that are CI configuration wherever a fork changes them.</summary>
    public static IReadOnlyList<string> CiGlobs { get; } =
    [
        ".github/workflows/**",
        ".github/actions/**",
        "action.yml",
        "action.yaml",
        ".github/dependabot.yml",
        ".github/dependabot.yaml",
        ".gitlab-ci.yml",
        ".gitlab/ci/**",
    ];

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    public static async Task<PrGuardResult> EvaluateAsync(string repository, PullRequestEvent pullRequest, PrGuardOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pullRequest);
        ArgumentNullException.ThrowIfNull(options);
        if (!pullRequest.IsFromFork)
        {
            return new PrGuardResult(PrGuardVerdict.NotFromFork, pullRequest, []);
        }

        var inside = await GitProcess.RunAsync(repository, ["rev-parse", "--is-inside-work-tree"], null, Timeout, cancellationToken).ConfigureAwait(false);
        if (!inside.Succeeded)
        {
            throw new InputFormatException($"{repository} is not a git checkout ({inside.FirstErrorLine}); run pr-guard after actions/checkout");
        }

        foreach (var (name, sha) in new[] { ("base", pullRequest.BaseSha), ("head", pullRequest.HeadSha) })
        {
            var exists = await GitProcess.RunAsync(repository, ["cat-file", "-e", sha + "^{commit}"], null, Timeout, cancellationToken).ConfigureAwait(false);
            if (!exists.Succeeded)
            {
                throw new InputFormatException($"the {name} commit {sha} is not in this checkout; fetch the history of both sides (actions/checkout with fetch-depth: 0, and the pull request head) before pr-guard");
            }
        }

        var diff = await GitProcess.RunAsync(
            repository, ["diff", "--name-only", "-z", "--no-renames", "--no-ext-diff", pullRequest.BaseSha + "..." + pullRequest.HeadSha, "--"], null, Timeout, cancellationToken).ConfigureAwait(false);
        if (!diff.Succeeded)
        {
            throw new InputFormatException($"git diff {pullRequest.BaseSha[..12]}...{pullRequest.HeadSha[..12]} failed ({diff.FirstErrorLine}); fetch with fetch-depth: 0 so the merge base is present");
        }

        var globs = new List<string>(CiGlobs);
        globs.AddRange(options.ExtraGlobs);
        foreach (var sha in new[] { pullRequest.BaseSha, pullRequest.HeadSha })
        {
            var pipeline = await GitProcess.RunAsync(repository, ["show", sha + ":.gitlab-ci.yml"], null, Timeout, cancellationToken).ConfigureAwait(false);
            if (pipeline.Succeeded && pipeline.Output.Length <= YamlLoadOptions.Workflow.MaxLength)
            {
                globs.AddRange(GitLabPipeline.LocalIncludePaths(pipeline.Output).Select(p => "/" + p));
            }
        }

        var matcher = new GlobSet(globs.Distinct(StringComparer.Ordinal).Select(g => g.Contains('/', StringComparison.Ordinal) || g.Contains('*', StringComparison.Ordinal) ? g : "/" + g));
        var changed = diff.Output.Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Where(path => matcher.IsMatch(path) || IsActionDefinition(path))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (changed.Count == 0)
        {
            return new PrGuardResult(PrGuardVerdict.NoCiChanges, pullRequest, []);
        }

        if (pullRequest.Author is { } author && options.TrustedAuthors.Contains(author, StringComparer.OrdinalIgnoreCase))
        {
            return new PrGuardResult(PrGuardVerdict.Trusted, pullRequest, changed, "author " + author);
        }

        if (pullRequest.Labels.FirstOrDefault(l => options.TrustedLabels.Contains(l, StringComparer.OrdinalIgnoreCase)) is { } label)
        {
            return new PrGuardResult(PrGuardVerdict.Trusted, pullRequest, changed, "label " + label);
        }

        return new PrGuardResult(PrGuardVerdict.Blocked, pullRequest, changed);
    }

    /// <summary>A composite or container action definition anywhere in the tree (<c>action.yml</c>/<c>action.yaml</c>).</summary>
    private static bool IsActionDefinition(string path)
    {
        var name = path[(path.LastIndexOf('/') + 1)..];
        return name is "action.yml" or "action.yaml";
    }
}
