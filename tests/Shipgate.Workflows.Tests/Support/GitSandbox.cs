using System.Diagnostics;

namespace Shipgate.Workflows.Tests.Support;

/// <summary>A temporary folder with helpers to run git in it (clean configuration) and to publish fake action repositories.</summary>
internal sealed class GitSandbox : IDisposable
{
    public GitSandbox()
    {
        Root = Path.Combine(Path.GetTempPath(), "shipgate-wf-tests", Guid.NewGuid().ToString("n")[..12]);
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    /// <summary>The <c>file://</c> base under which <see cref="PublishAction"/> creates <c>owner/repo</c> bare repositories.</summary>
    public string RemoteBase => new Uri(Path.Combine(Root, "remotes")).AbsoluteUri;

    public string Write(string relativePath, string content)
    {
        var full = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return full;
    }

    /// <summary>
    /// Creates the bare repository <c>remotes/owner/repo</c> with commit A tagged <c>v1.0.0</c> (lightweight), then
    /// commit B tagged <c>v1.2.3</c>, <c>v1.2</c> and <c>v1</c> (annotated), and branch <c>main</c> at B.
    /// Returns the two commits.
    /// </summary>
    public (string A, string B) PublishAction(string slug)
    {
        var bare = Path.Combine(Root, "remotes", slug);
        Directory.CreateDirectory(bare);
        Git(bare, "init", "-q", "--bare", "-b", "main");
        var work = Path.Combine(Root, "work", slug);
        Directory.CreateDirectory(work);
        Git(work, "init", "-q", "-b", "main");
        File.WriteAllText(Path.Combine(work, "action.yml"), "name: a\nruns:\n  using: node20\n  main: index.js\n");
        Git(work, "add", ".");
        Git(work, "commit", "-q", "-m", "first");
        Git(work, "tag", "v1.0.0");
        var a = Git(work, "rev-parse", "HEAD").Trim();
        File.WriteAllText(Path.Combine(work, "index.js"), "console.log(1)\n");
        Git(work, "add", ".");
        Git(work, "commit", "-q", "-m", "second");
        foreach (var tag in new[] { "v1.2.3", "v1.2", "v1" })
        {
            Git(work, "tag", "-a", tag, "-m", "release " + tag);
        }

        var b = Git(work, "rev-parse", "HEAD").Trim();
        Git(work, "push", "-q", bare, "main", "--tags");
        return (a, b);
    }

    public static string Git(string directory, params string[] args)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["GIT_AUTHOR_NAME"] = "Test";
        start.Environment["GIT_AUTHOR_EMAIL"] = "test@example.test";
        start.Environment["GIT_COMMITTER_NAME"] = "Test";
        start.Environment["GIT_COMMITTER_EMAIL"] = "test@example.test";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', args)} failed: {error}");
        }

        return output.Result;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
