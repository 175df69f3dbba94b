using System.Diagnostics;

namespace Shipgate.Secrets.Tests.Sources;

/// <summary>A throwaway git repository in a temp folder; git runs with no user or system configuration.</summary>
internal sealed class TempGitRepository : IDisposable
{
    public static readonly IReadOnlyDictionary<string, string> Environment = new Dictionary<string, string>
    {
        ["GIT_CONFIG_GLOBAL"] = "/dev/null",
        ["GIT_CONFIG_NOSYSTEM"] = "1",
        ["GIT_AUTHOR_NAME"] = "Alice Example",
        ["GIT_AUTHOR_EMAIL"] = "alice@example.test",
        ["GIT_COMMITTER_NAME"] = "Alice Example",
        ["GIT_COMMITTER_EMAIL"] = "alice@example.test",
    };

    public TempGitRepository(bool init = true)
    {
        Path = Directory.CreateTempSubdirectory("shipgate-git-").FullName;
        if (init)
        {
            Git("init", "-q", "-b", "main");
        }
    }

    public string Path { get; }

    public string Git(params string[] arguments) => RunGit(Path, null, arguments);

    public void Write(string relativePath, string content) => Write(relativePath, System.Text.Encoding.UTF8.GetBytes(content));

    public void Write(string relativePath, byte[] content)
    {
        var full = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, content);
    }

    /// <summary>Stages everything and commits as the given author; returns the new commit id.</summary>
    public string Commit(string message, string author = "Alice Example", string email = "alice@example.test")
    {
        Git("add", "-A");
        RunGit(Path, new() { ["GIT_AUTHOR_NAME"] = author, ["GIT_AUTHOR_EMAIL"] = email }, ["commit", "-q", "-m", message]);
        return Git("rev-parse", "HEAD").Trim();
    }

    public void Dispose()
    {
        foreach (var file in Directory.EnumerateFiles(Path, "*", SearchOption.AllDirectories))
        {
            File.SetAttributes(file, FileAttributes.Normal);
        }

        Directory.Delete(Path, recursive: true);
    }

    private static string RunGit(string directory, Dictionary<string, string>? extra, string[] arguments)
    {
        var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-C");
        start.ArgumentList.Add(directory);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in Environment.Concat(extra ?? []))
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed: {error.Result}");
        }

        return output;
    }
}
