using System.CommandLine;
using Shipgate.Core;
using Shipgate.Workflows.PullRequests;

namespace Shipgate.Cli.Commands;

/// <summary>
/// <c>shipgate pr-guard [--event FILE] [--repo DIR] [--ci-path GLOB]... [--trusted-author LOGIN]... [--trusted-label NAME]...</c>:
/// run in a <c>pull_request</c>/<c>pull_request_target</c> job; exits 1 when a pull request from a fork changes CI
/// configuration, 0 otherwise, 2 when the event or the checkout does not allow a decision.
/// </summary>
internal static class PrGuardCommand
{
    public const string BlockedMessage = "external contributors cannot modify workflows without manual review";

    public static Command Create(CliServices services)
    {
        var eventPath = new Option<string?>("--event") { Description = "The event payload (default: $GITHUB_EVENT_PATH)." };
        var repo = new Option<string?>("--repo") { Description = "The git checkout to diff in (default: the current directory)." };
        var ciPaths = new Option<string[]>("--ci-path") { Description = "Another glob that counts as CI configuration (repeatable), e.g. 'scripts/ci/**'." };
        var authors = new Option<string[]>("--trusted-author") { Description = "A GitHub login whose pull requests may change CI configuration (repeatable)." };
        var labels = new Option<string[]>("--trusted-label") { Description = "A label a maintainer adds after reviewing the CI changes (repeatable)." };
        var command = new Command(
            "pr-guard",
            "Fail when a pull request from a fork changes workflows, actions or other CI configuration (run it in a pull_request or pull_request_target job). Exit 1 when it does, 0 when not, 2 when it cannot tell.")
        {
            eventPath, repo, ciPaths, authors, labels,
        };
        command.SetAction((result, token) => RunAsync(
            services,
            result.GetValue(eventPath),
            result.GetValue(repo),
            new PrGuardOptions
            {
                ExtraGlobs = result.GetValue(ciPaths) ?? [],
                TrustedAuthors = result.GetValue(authors) ?? [],
                TrustedLabels = result.GetValue(labels) ?? [],
            },
            token));
        return command;
    }

    private static async Task<int> RunAsync(CliServices services, string? eventOption, string? repoOption, PrGuardOptions options, CancellationToken token)
    {
        var env = services.Environment;
        foreach (var glob in options.ExtraGlobs)
        {
            if (!Glob.TryCompile(glob, false, out _, out var error))
            {
                throw new UsageException($"--ci-path '{glob}': {error}");
            }
        }

        var eventPath = eventOption ?? env.GetEnvironmentVariable("GITHUB_EVENT_PATH");
        if (string.IsNullOrEmpty(eventPath))
        {
            throw new UsageException("no event payload: GITHUB_EVENT_PATH is not set (run pr-guard in a GitHub Actions pull_request job, or pass --event FILE)");
        }

        var full = env.Resolve(eventPath);
        if (!File.Exists(full))
        {
            throw new UsageException($"{eventPath}: event file not found");
        }

        if (new FileInfo(full).Length > PullRequestEvent.MaxBytes)
        {
            throw new UsageException($"{eventPath}: too large for an event payload");
        }

        PullRequestEvent pullRequest;
        try
        {
            pullRequest = PullRequestEvent.Parse(await File.ReadAllTextAsync(full, token).ConfigureAwait(false));
        }
        catch (InputFormatException ex)
        {
            throw new UsageException($"{eventPath}:{ex.Line ?? 1}:{ex.Column ?? 1}: {ex.Message}");
        }

        var repository = env.Resolve(repoOption ?? ".");
        if (!Directory.Exists(repository))
        {
            throw new UsageException($"{repoOption}: directory not found");
        }

        var result = await PrGuard.EvaluateAsync(repository, pullRequest, options, token).ConfigureAwait(false);
        var what = $"Pull request{(pullRequest.Number is { } n ? $" #{n}" : "")} from {pullRequest.HeadRepository ?? "a deleted fork"}{(pullRequest.Author is { } a ? $" by {a}" : "")}";
        switch (result.Verdict)
        {
            case PrGuardVerdict.NotFromFork:
                await env.Out.WriteLineAsync($"shipgate pr-guard: ok: {what} is not from a fork.").ConfigureAwait(false);
                return (int)ExitCode.Success;
            case PrGuardVerdict.NoCiChanges:
                await env.Out.WriteLineAsync($"shipgate pr-guard: ok: {what} changes no CI configuration.").ConfigureAwait(false);
                return (int)ExitCode.Success;
            case PrGuardVerdict.Trusted:
                await env.Out.WriteLineAsync($"shipgate pr-guard: ok: {what} changes CI configuration ({result.ChangedCiFiles.Count} file(s)), trusted by {result.TrustedBy}.").ConfigureAwait(false);
                return (int)ExitCode.Success;
        }

        await env.Out.WriteLineAsync($"shipgate pr-guard: {BlockedMessage}.").ConfigureAwait(false);
        await env.Out.WriteLineAsync($"{what} changes CI configuration:").ConfigureAwait(false);
        foreach (var file in result.ChangedCiFiles)
        {
            await env.Out.WriteLineAsync("  " + file).ConfigureAwait(false);
        }

        await env.Out.WriteLineAsync("A maintainer must review these changes; then merge them from a branch of this repository, or mark the pull request with a trusted label (--trusted-label).").ConfigureAwait(false);
        if (string.Equals(env.GetEnvironmentVariable("GITHUB_ACTIONS"), "true", StringComparison.Ordinal))
        {
            foreach (var file in result.ChangedCiFiles)
            {
                await env.Out.WriteLineAsync($"::error file={file},title=pr-guard::{BlockedMessage}").ConfigureAwait(false);
            }
        }

        return (int)ExitCode.FindingsAtOrAboveThreshold;
    }
}
