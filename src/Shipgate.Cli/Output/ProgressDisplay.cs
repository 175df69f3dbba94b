using Shipgate.Core;
using Spectre.Console;

namespace Shipgate.Cli.Output;

/// <summary>
/// A progress bar on stderr for long scans, drawn only when stderr is a terminal, not in CI and not with
/// <c>--quiet</c>; otherwise the scan runs silently.
/// </summary>
internal static class ProgressDisplay
{
    public static async Task<T> RunAsync<T>(CliEnvironment env, bool quiet, Func<IProgress<ScanProgress>?, Task<T>> work)
    {
        if (quiet || env.IsCi || !env.ErrorIsTerminal)
        {
            return await work(null).ConfigureAwait(false);
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(env.Error),
            Interactive = InteractionSupport.Yes,
        });

        T result = default!;
        await console.Progress()
            .AutoClear(true)
            .HideCompleted(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("Scanning", maxValue: 1);
                var progress = new Progress<ScanProgress>(p =>
                {
                    task.IsIndeterminate = p.Counting;
                    task.MaxValue = Math.Max(1, p.FilesTotal);
                    task.Value = p.FilesDone;
                });
                result = await work(progress).ConfigureAwait(false);
                task.Value = task.MaxValue;
            }).ConfigureAwait(false);
        return result;
    }
}
