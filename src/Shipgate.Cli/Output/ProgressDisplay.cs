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
            Out = new TerminalOutput(env.Error),
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

/// <summary>
/// Standard error as a terminal for the progress bar: <see cref="AnsiConsoleOutput"/> only recognises
/// <see cref="Console.Error"/> itself, and Shipgate writes through its own writer (<see cref="StandardStreams"/>).
/// Used only when standard error is a terminal; its size is read from the console then.
/// </summary>
internal sealed class TerminalOutput(TextWriter writer) : IAnsiConsoleOutput
{
    public TextWriter Writer { get; } = writer;

    public bool IsTerminal => true;

    public int Width => Size(() => Console.WindowWidth, 80);

    public int Height => Size(() => Console.WindowHeight, 24);

    public void SetEncoding(System.Text.Encoding encoding)
    {
        // Shipgate's writers are UTF-8 already.
    }

    private static int Size(Func<int> read, int fallback)
    {
        try
        {
            var size = read();
            return size > 0 ? size : fallback;
        }
        catch (Exception ex) when (ex is IOException or PlatformNotSupportedException)
        {
            return fallback;
        }
    }
}
