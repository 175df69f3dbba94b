using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Shipgate.Secrets.Sources;

/// <summary>
/// One git child process: arguments passed as a list (never concatenated into a command line), paths unquoted
/// (<c>core.quotepath=off</c>), prompts and lazy fetches off, stderr captured for error messages. One thread may write
/// <see cref="Input"/> while another reads <see cref="Output"/> and a third calls <see cref="Kill"/>.
/// </summary>
internal sealed class GitProcess : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder errors = new();
    private readonly string repository;

    private GitProcess(string repository, IEnumerable<string> arguments, bool redirectInput, IReadOnlyDictionary<string, string>? environment)
    {
        this.repository = repository;
        var start = new ProcessStartInfo("git")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = redirectInput,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (var argument in (string[])["-C", repository, "-c", "core.quotepath=off"])
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        start.Environment["GIT_NO_LAZY_FETCH"] = "1";
        start.Environment["GIT_OPTIONAL_LOCKS"] = "0";
        start.Environment["LC_ALL"] = "C";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        process = new Process { StartInfo = start };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (errors)
                {
                    errors.AppendLine(e.Data);
                }
            }
        };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            process.Dispose();
            throw new GitRepositoryException("git is not installed or not on PATH.", e);
        }

        process.BeginErrorReadLine();
    }

    public Stream Output => process.StandardOutput.BaseStream;

    public Stream Input => process.StandardInput.BaseStream;

    public static GitProcess Start(string repository, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment, bool redirectInput = false) =>
        new(repository, arguments, redirectInput, environment);

    /// <summary>Runs git to completion and returns its standard output; a non-zero exit becomes a <see cref="GitRepositoryException"/>.</summary>
    public static byte[] Run(string repository, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        using var git = Start(repository, arguments, environment);
        using var output = new MemoryStream();
        git.Output.CopyTo(output);
        git.WaitAndCheck();
        return output.ToArray();
    }

    /// <summary>Like <see cref="Run"/>, but returns null instead of throwing when git exits non-zero.</summary>
    public static string? TryRun(string repository, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        using var git = Start(repository, arguments, environment);
        using var reader = new StreamReader(git.Output, Encoding.UTF8);
        var text = reader.ReadToEnd();
        git.process.WaitForExit();
        return git.process.ExitCode == 0 ? text.TrimEnd('\n', '\r') : null;
    }

    /// <summary>Waits for the exit and throws <see cref="GitRepositoryException"/> with git's own message on failure.</summary>
    public void WaitAndCheck()
    {
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new GitRepositoryException(Describe(repository, ErrorText()));
        }
    }

    /// <summary>The first <c>fatal:</c>/<c>error:</c> line of stderr, or its first line, prefixed with the repository.</summary>
    public static string Describe(string repository, string stderr)
    {
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var line = lines.FirstOrDefault(l => l.StartsWith("fatal:", StringComparison.Ordinal) || l.StartsWith("error:", StringComparison.Ordinal))
            ?? lines.FirstOrDefault() ?? "git failed";
        var colon = line.IndexOf(':', StringComparison.Ordinal);
        var message = line.StartsWith("fatal:", StringComparison.Ordinal) || line.StartsWith("error:", StringComparison.Ordinal) ? line[(colon + 1)..].Trim() : line;
        return $"{repository}: {message}";
    }

    public string ErrorText()
    {
        process.WaitForExit();
        lock (errors)
        {
            return errors.ToString();
        }
    }

    /// <summary>Ends git if it still runs; its pipes stay open until <see cref="Dispose"/>, so readers see the end.</summary>
    public void Kill()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
    }

    public void Dispose()
    {
        Kill();
        process.Dispose();
    }
}
