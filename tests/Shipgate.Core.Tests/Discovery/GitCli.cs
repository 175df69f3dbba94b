using System.Diagnostics;
using System.Text;

namespace Shipgate.Core.Tests.Discovery;

/// <summary>Runs the real git in an environment that ignores the machine's global and system configuration.</summary>
internal static class GitCli
{
    private static readonly string IsolatedHome = Directory.CreateTempSubdirectory("shipgate-git-home-").FullName;

    public static (int ExitCode, string Output, string Error) Run(string directory, string? input, params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = new UTF8Encoding(false),
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["GIT_CONFIG_GLOBAL"] = OperatingSystem.IsWindows() ? "NUL" : "/dev/null";
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["HOME"] = IsolatedHome;
        start.Environment["XDG_CONFIG_HOME"] = IsolatedHome;
        start.Environment["GIT_AUTHOR_NAME"] = "Shipgate Test";
        start.Environment["GIT_AUTHOR_EMAIL"] = "test@example.invalid";
        start.Environment["GIT_COMMITTER_NAME"] = "Shipgate Test";
        start.Environment["GIT_COMMITTER_EMAIL"] = "test@example.invalid";

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            process.StandardInput.Write(input);
        }

        process.StandardInput.Close();
        process.WaitForExit();
        return (process.ExitCode, output.Result, error.Result);
    }

    public static string Succeed(string directory, params string[] arguments)
    {
        var (exitCode, output, error) = Run(directory, null, arguments);
        exitCode.ShouldBe(0, $"git {string.Join(' ', arguments)} failed: {error}");
        return output;
    }

    public static void Init(string directory) => Succeed(directory, "-c", "init.defaultBranch=main", "init", "-q");

    /// <summary>
    /// Asks <c>git check-ignore</c> about every path at once and returns the ignored ones.
    /// A path whose deciding pattern is a negation is reported by git but is not ignored.
    /// </summary>
    public static Dictionary<string, (bool Ignored, string Reason)> CheckIgnore(string directory, IEnumerable<string> paths)
    {
        var input = string.Concat(paths.Select(p => p + "\0"));
        var (exitCode, output, error) = Run(directory, input, "check-ignore", "--no-index", "--verbose", "--non-matching", "-z", "--stdin");
        exitCode.ShouldBeOneOf([0, 1], $"git check-ignore failed: {error}");
        var fields = output.Split('\0');
        var verdicts = new Dictionary<string, (bool Ignored, string Reason)>(StringComparer.Ordinal);
        for (var i = 0; i + 3 < fields.Length; i += 4)
        {
            var (source, line, pattern, path) = (fields[i], fields[i + 1], fields[i + 2], fields[i + 3]);
            var ignored = source.Length > 0 && !pattern.StartsWith('!');
            verdicts[path] = (ignored, source.Length == 0 ? "no pattern" : $"{source}:{line}:{pattern}");
        }

        return verdicts;
    }
}
