using System.CommandLine;
using System.ComponentModel;
using System.Diagnostics;
using Shipgate.Cli.Masking;
using Shipgate.Secrets.Detection;
using Shipgate.Secrets.Rules;

namespace Shipgate.Cli.Commands;

/// <summary>
/// <c>shipgate run [--mask-env NAME]... -- COMMAND ARGS</c>: runs a command and masks secrets in its live
/// output, line by line, so "never print secrets in logs" is enforced rather than hoped for. The command's
/// exit code passes through.
/// </summary>
internal static class RunCommand
{
    /// <summary>Lines longer than this are flushed in pieces, so one huge line cannot exhaust memory.</summary>
    private const int MaxLineChars = 64 * 1024;

    public static Command Create(CliServices services)
    {
        var maskEnv = new Option<string[]>("--mask-env") { Description = "Mask the value of this environment variable (repeatable)." };
        var command = new Argument<string[]>("COMMAND") { Description = "The command and its arguments, after --.", Arity = ArgumentArity.OneOrMore };
        var run = new Command("run", "Run a command and mask secrets (named variables and detected tokens) in its output; its exit code passes through.")
        {
            maskEnv,
            command,
        };
        run.SetAction((result, token) => RunAsync(services, result.GetValue(maskEnv) ?? [], result.GetValue(command)!, token));
        return run;
    }

    private static async Task<int> RunAsync(CliServices services, string[] maskEnv, string[] command, CancellationToken token)
    {
        var env = services.Environment;
        var values = maskEnv.Select(name => env.GetEnvironmentVariable(name)).OfType<string>();
        var masker = new LineMasker(values, new SecretDetector(SecretRuleCatalog.Create()));

        var start = new ProcessStartInfo(command[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = env.WorkingDirectory,
        };
        foreach (var arg in command.Skip(1))
        {
            start.ArgumentList.Add(arg);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new UsageException($"cannot start '{command[0]}'");
        }
        catch (Win32Exception ex)
        {
            throw new UsageException($"cannot start '{command[0]}': {ex.Message}");
        }

        using (process)
        {
            var output = PumpAsync(process.StandardOutput, env.Out, masker, token);
            var error = PumpAsync(process.StandardError, env.Error, masker, token);
            await Task.WhenAll(output, error).ConfigureAwait(false);
            await process.WaitForExitAsync(token).ConfigureAwait(false);
            return process.ExitCode;
        }
    }

    private static async Task PumpAsync(StreamReader source, TextWriter target, LineMasker masker, CancellationToken token)
    {
        var buffer = new char[8192];
        var pending = new System.Text.StringBuilder();
        int read;
        while ((read = await source.ReadAsync(buffer, token).ConfigureAwait(false)) > 0)
        {
            var start = 0;
            for (var i = 0; i < read; i++)
            {
                if (buffer[i] == '\n')
                {
                    pending.Append(buffer, start, i - start);
                    await WriteLineAsync(pending, target, masker, newline: true).ConfigureAwait(false);
                    start = i + 1;
                }
            }

            pending.Append(buffer, start, read - start);
            if (pending.Length > MaxLineChars)
            {
                await WriteLineAsync(pending, target, masker, newline: false).ConfigureAwait(false);
            }
        }

        if (pending.Length > 0)
        {
            await WriteLineAsync(pending, target, masker, newline: false).ConfigureAwait(false);
        }
    }

    private static async Task WriteLineAsync(System.Text.StringBuilder pending, TextWriter target, LineMasker masker, bool newline)
    {
        var masked = masker.Apply(pending.ToString());
        pending.Clear();
        await target.WriteAsync(masked).ConfigureAwait(false);
        if (newline)
        {
            await target.WriteAsync('\n').ConfigureAwait(false);
        }

        await target.FlushAsync().ConfigureAwait(false);
    }
}
