using System.CommandLine;
using Shipgate.Cli.Output;
using Shipgate.Core;
using Shipgate.Secrets.Sources;

namespace Shipgate.Cli.Commands;

/// <summary>
/// <c>shipgate secrets [PATH...] [--stdin | --staged | --history [--since REV] [--all-refs]]</c>: the focused
/// entry point of the secrets scanner, for trees, standard input (CI logs), the pre-commit check and git history.
/// </summary>
internal static class SecretsCommand
{
    public static Command Create(CliServices services)
    {
        var options = new ScanOptionSet();
        var stdin = new Option<bool>("--stdin") { Description = "Scan standard input (also: '-' as PATH), e.g. a CI log piped in." };
        var staged = new Option<bool>("--staged") { Description = "Scan only the lines 'git diff --cached' would add: the pre-commit check." };
        var history = new Option<bool>("--history") { Description = "Scan every commit reachable from HEAD; each unique blob once, attributed to the commit that introduced it." };
        var since = new Option<string?>("--since") { Description = "With --history: only commits after REV (REV..HEAD)." };
        var allRefs = new Option<bool>("--all-refs") { Description = "With --history: every branch and tag, not only HEAD." };
        var command = new Command("secrets", "Find leaked secrets in files, standard input, staged changes or git history. " + CliApp.ExitCodeHelp)
        {
            stdin,
            staged,
            history,
            since,
            allRefs,
        };
        options.AddTo(command);
        command.SetAction((result, token) => RunAsync(
            services,
            options.Read(result) with { Only = new HashSet<Category> { Category.Secrets } },
            new SecretsMode(result.GetValue(stdin), result.GetValue(staged), result.GetValue(history), result.GetValue(since), result.GetValue(allRefs)),
            token));
        return command;
    }

    private static async Task<int> RunAsync(CliServices services, ScanSettings settings, SecretsMode mode, CancellationToken token)
    {
        var env = services.Environment;
        var readsStdin = mode.Stdin || settings.Paths.Contains("-");
        var modes = (readsStdin ? 1 : 0) + (mode.Staged ? 1 : 0) + (mode.History ? 1 : 0);
        if (modes > 1)
        {
            throw new UsageException("choose one of --stdin, --staged and --history");
        }

        if ((mode.Since is not null || mode.AllRefs) && !mode.History)
        {
            throw new UsageException("--since and --all-refs need --history");
        }

        var runner = new ScanRunner(services);
        if (modes == 0)
        {
            return await runner.ScanAndReportAsync(settings, token).ConfigureAwait(false);
        }

        var outputs = ReportOutputs.Resolve(settings, env);
        var paths = settings.Paths.Where(p => p != "-").ToArray();
        var repository = paths.Length > 0 ? env.Resolve(paths[0]) : env.WorkingDirectory;
        var options = runner.BuildOptions(settings with { Paths = paths.Length > 0 ? paths : ["."] });
        var engine = services.CreateEngine(options.Only);

        ScanResult result;
        if (readsStdin)
        {
            result = await ScanStandardInputAsync(env, engine, options, token).ConfigureAwait(false);
        }
        else
        {
            var describe = ScanRunner.DescribeWhileScanning(repository, token);
            try
            {
                if (mode.Staged)
                {
                    var source = new StagedSource(repository);
                    result = await engine.RunOnFilesAsync(source.Files(token), options, token).ConfigureAwait(false);
                }
                else
                {
                    var source = new HistorySource(repository, new HistoryOptions { AllRefs = mode.AllRefs, Since = mode.Since, MaxBlobBytes = options.MaxFileSize });
                    result = await ProgressDisplay.RunAsync(env, settings.Quiet, progress =>
                        engine.RunOnFilesAsync(source.Files(token), options with { Progress = progress }, token)).ConfigureAwait(false);
                    foreach (var warning in source.Warnings)
                    {
                        await env.Error.WriteLineAsync($"shipgate: warning: {warning}").ConfigureAwait(false);
                    }

                    if (source.Truncated && !source.Warnings.Any(w => w.Contains("shallow", StringComparison.OrdinalIgnoreCase)))
                    {
                        await env.Error.WriteLineAsync("shipgate: warning: history is truncated (shallow clone); only the commits present were scanned").ConfigureAwait(false);
                    }
                }
            }
            catch (GitRepositoryException ex)
            {
                throw new UsageException(ex.Message);
            }

            result = result with { Repository = await describe.ConfigureAwait(false) };
        }

        return await runner.ReportAsync(result, settings, outputs, token).ConfigureAwait(false);
    }

    /// <summary>Copies standard input to a temporary file (bounded memory, re-readable for snippets and inline suppressions) and scans it.</summary>
    private static async Task<ScanResult> ScanStandardInputAsync(CliEnvironment env, ScanEngine engine, ScanOptions options, CancellationToken token)
    {
        var temp = Path.Combine(Path.GetTempPath(), "shipgate-stdin-" + Guid.NewGuid().ToString("n"));
        try
        {
            var input = env.OpenStandardInput();
            await using (input.ConfigureAwait(false))
            {
                var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.None);
                await using (file.ConfigureAwait(false))
                {
                    await input.CopyToAsync(file, token).ConfigureAwait(false);
                }
            }

            var scanFile = ScanFile.FromDisk(temp, StdinSource.DisplayPath, StdinSource.DisplayPath, new FileInfo(temp).Length, explicitlyGiven: true);
            return await engine.RunOnFilesAsync([scanFile], options with { Targets = [StdinSource.DisplayPath] }, token).ConfigureAwait(false);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private sealed record SecretsMode(bool Stdin, bool Staged, bool History, string? Since, bool AllRefs);
}
