using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Shipgate.Containers.Shell;

/// <summary>One ShellCheck comment (json1 format): position in the checked script, level, SC code and message.</summary>
internal sealed record ShellcheckComment(int Line, int Column, int EndLine, int EndColumn, string Level, int Code, string Message);

/// <summary>
/// Runs the <c>shellcheck</c> executable, when it is on PATH, over a script given on standard input and returns its
/// comments (<c>--format=json1</c>). Optional, as in hadolint: without ShellCheck nothing runs and nothing is
/// reported. Bounded: a 30-second timeout and a 16 MiB output cap. Thread-safe (one process per call).
/// </summary>
internal sealed class ShellcheckRunner
{
    /// <summary>Codes that make no sense for RUN fragments: sourcing, unset/unused variables across RUNs, shebangs, cd (DKR058).</summary>
    public const string ExcludedCodes = "SC1008,SC1090,SC1091,SC2034,SC2148,SC2154,SC2164";

    private const int TimeoutMilliseconds = 30_000;
    private const int MaxOutputChars = 16 * 1024 * 1024;
    private static readonly Lazy<ShellcheckRunner?> OnPath = new(() => Find(Environment.GetEnvironmentVariable("PATH")));

    private ShellcheckRunner(string executable)
    {
        Executable = executable;
    }

    /// <summary>The runner for the <c>shellcheck</c> found on PATH, or null when there is none.</summary>
    public static ShellcheckRunner? Default => OnPath.Value;

    public string Executable { get; }

    internal static ShellcheckRunner? Find(string? path)
    {
        foreach (var directory in (path ?? "").Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in (ReadOnlySpan<string>)["shellcheck", "shellcheck.exe"])
            {
                var candidate = System.IO.Path.Combine(directory, name);
                if (File.Exists(candidate))
                {
                    return new ShellcheckRunner(candidate);
                }
            }
        }

        return null;
    }

    /// <summary>Checks <paramref name="script"/> as <paramref name="shell"/> (sh, bash, dash, ksh); an empty list when ShellCheck fails.</summary>
    public IReadOnlyList<ShellcheckComment> Check(string script, string shell)
    {
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var argument in (ReadOnlySpan<string>)["--format=json1", "--shell=" + shell, "--severity=info", "--exclude=" + ExcludedCodes, "--norc", "-"])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start);
        if (process is null)
        {
            return [];
        }

        var output = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        try
        {
            process.StandardInput.Write(script);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // ShellCheck exited before reading everything; its exit code says what happened.
        }

        if (!process.WaitForExit(TimeoutMilliseconds))
        {
            process.Kill(entireProcessTree: true);
            return [];
        }

        // 0: no comments, 1: comments; anything else is a usage or internal error of ShellCheck itself.
        if (process.ExitCode is not (0 or 1) || !output.Wait(TimeoutMilliseconds) || output.Result.Length > MaxOutputChars)
        {
            return [];
        }

        return Parse(output.Result);
    }

    internal static IReadOnlyList<ShellcheckComment> Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (!document.RootElement.TryGetProperty("comments", out var comments) || comments.ValueKind != JsonValueKind.Array)
            {
                return [];
            }

            return [.. comments.EnumerateArray().Select(c => new ShellcheckComment(
                c.GetProperty("line").GetInt32(),
                c.GetProperty("column").GetInt32(),
                c.GetProperty("endLine").GetInt32(),
                c.GetProperty("endColumn").GetInt32(),
                c.GetProperty("level").GetString() ?? "warning",
                c.GetProperty("code").GetInt32(),
                c.GetProperty("message").GetString() ?? ""))];
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return [];
        }
    }
}
