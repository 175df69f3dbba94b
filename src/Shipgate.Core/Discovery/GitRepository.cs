using System.ComponentModel;
using System.Diagnostics;

namespace Shipgate.Core;

/// <summary>
/// Finds git work trees on disk and describes them for report headers. Finding reads the file system only;
/// <see cref="Describe"/> runs <c>git</c> from <c>PATH</c> a few times. Nothing here throws: a missing <c>git</c>, a refused
/// repository (git's <c>safe.directory</c> check) or a failing command gives null values. Stateless and thread-safe.
/// </summary>
public static class GitRepository
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(15);

    /// <summary>
    /// The root of the git work tree that contains <paramref name="path"/> (a file or directory), found by walking up to the
    /// first directory that holds a <c>.git</c> directory or a <c>.git</c> file (linked work trees, submodules); null outside one.
    /// </summary>
    public static string? FindWorkTreeRoot(string path)
    {
        try
        {
            var directory = Path.GetFullPath(path);
            if (!Directory.Exists(directory))
            {
                directory = Path.GetDirectoryName(directory);
            }

            for (; !string.IsNullOrEmpty(directory); directory = Path.GetDirectoryName(directory))
            {
                if (IsWorkTreeRoot(directory))
                {
                    return Path.TrimEndingDirectorySeparator(directory);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            // An unreadable or malformed path is simply not in a work tree.
        }

        return null;
    }

    /// <summary>
    /// Name, commit, branch and remote URL of the work tree at <paramref name="workTreeRoot"/>. Any value git cannot give
    /// is null; the branch is null on a detached HEAD; the remote URL never carries credentials. Returns null only when
    /// the directory does not exist.
    /// </summary>
    public static RepositoryInfo? Describe(string workTreeRoot)
    {
        try
        {
            if (!Directory.Exists(workTreeRoot))
            {
                return null;
            }

            // Two git processes at once, waited for on this thread: the commit and the branch from one rev-parse (an
            // unborn HEAD fails both, which leaves both unknown), and the remote URL.
            var origin = StartGit(workTreeRoot, "config", "--get", "remote.origin.url");
            var head = RunGit(workTreeRoot, "rev-parse", "HEAD", "--abbrev-ref", "HEAD")?.Split('\n', StringSplitOptions.TrimEntries);
            var commit = head is [{ Length: > 0 } sha, _] ? sha : null;
            var branch = head is [_, { Length: > 0 } abbreviated] ? abbreviated : null;
            var remote = Finish(origin) is { } raw ? StripCredentials(raw) : null;
            var name = NameFromRemoteUrl(remote) ?? Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(workTreeRoot)));
            return new RepositoryInfo(
                string.IsNullOrEmpty(name) ? null : name,
                commit,
                branch is null or "HEAD" ? null : branch,
                remote);
        }
#pragma warning disable CA1031 // Describe feeds a report header and must never fail a scan.
        catch (Exception)
#pragma warning restore CA1031
        {
            return new RepositoryInfo(null, null, null, null);
        }
    }

    /// <summary>Removes the <c>user:password@</c> part of a URL (kept only for a password-less ssh user such as <c>git@</c>).</summary>
    internal static string StripCredentials(string url)
    {
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0)
        {
            return url;
        }

        var authorityStart = schemeEnd + 3;
        var authorityEnd = url.IndexOfAny(['/', '?', '#'], authorityStart);
        if (authorityEnd < 0)
        {
            authorityEnd = url.Length;
        }

        var at = url.LastIndexOf('@', authorityEnd - 1, authorityEnd - authorityStart);
        if (at < 0)
        {
            return url;
        }

        var scheme = url[..schemeEnd];
        var userInfo = url.AsSpan(authorityStart, at - authorityStart);
        var isSsh = scheme.Contains("ssh", StringComparison.OrdinalIgnoreCase);
        return isSsh && !userInfo.Contains(':') ? url : url[..authorityStart] + url[(at + 1)..];
    }

    /// <summary>The repository name a remote URL ends with (<c>.../org/shipgate.git</c> gives <c>shipgate</c>), or null.</summary>
    internal static string? NameFromRemoteUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }

        var path = url.TrimEnd('/');
        var cut = Math.Max(path.LastIndexOf('/'), path.LastIndexOf(':'));
        var name = cut >= 0 ? path[(cut + 1)..] : path;
        if (name.EndsWith(".git", StringComparison.OrdinalIgnoreCase))
        {
            name = name[..^4];
        }

        return name.Length == 0 ? null : name;
    }

    /// <summary>True when <paramref name="directory"/> holds a <c>.git</c> directory or a <c>gitdir:</c> file.</summary>
    internal static bool IsWorkTreeRoot(string directory)
    {
        var dotGit = Path.Join(directory, ".git");
        if (Directory.Exists(dotGit))
        {
            return File.Exists(Path.Join(dotGit, "HEAD"));
        }

        return File.Exists(dotGit) && ReadGitDirPointer(dotGit) is not null;
    }

    /// <summary>
    /// The git directory of a work tree and its common directory, where <c>info/exclude</c> lives (they differ for linked
    /// work trees made by <c>git worktree add</c>). Null when <paramref name="workTreeRoot"/> is not a work-tree root.
    /// </summary>
    internal static GitDirectories? FindGitDirectories(string workTreeRoot)
    {
        try
        {
            var dotGit = Path.Join(workTreeRoot, ".git");
            string gitDirectory;
            if (Directory.Exists(dotGit))
            {
                gitDirectory = dotGit;
            }
            else if (File.Exists(dotGit) && ReadGitDirPointer(dotGit) is { } pointer)
            {
                gitDirectory = Path.GetFullPath(pointer, workTreeRoot);
            }
            else
            {
                return null;
            }

            var commonFile = Path.Join(gitDirectory, "commondir");
            var common = File.Exists(commonFile)
                ? Path.GetFullPath(File.ReadAllText(commonFile).Trim(), gitDirectory)
                : gitDirectory;
            return new GitDirectories(gitDirectory, common);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    private static string? ReadGitDirPointer(string dotGitFile)
    {
        try
        {
            using var reader = new StreamReader(dotGitFile);
            var line = reader.ReadLine();
            const string Prefix = "gitdir:";
            return line is not null && line.StartsWith(Prefix, StringComparison.Ordinal) && line.Length > Prefix.Length
                ? line[Prefix.Length..].Trim()
                : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Runs <c>git -C directory args...</c> and returns its trimmed standard output, or null on any failure.</summary>
    private static string? RunGit(string directory, params string[] arguments) => Finish(StartGit(directory, arguments));

    /// <summary>Starts <c>git -C directory args...</c> with its output being read; null when it cannot start.</summary>
    private static GitRun? StartGit(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        start.ArgumentList.Add("-C");
        start.ArgumentList.Add(directory);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Describe the directory we were given, even when run from a git hook that exports another repository's location.
        foreach (var variable in (string[])["GIT_DIR", "GIT_WORK_TREE", "GIT_COMMON_DIR", "GIT_INDEX_FILE"])
        {
            start.Environment.Remove(variable);
        }

        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        start.Environment["GIT_OPTIONAL_LOCKS"] = "0";

        try
        {
            var process = Process.Start(start);
            if (process is null)
            {
                return null;
            }

            process.StandardInput.Close();
            return new GitRun(process, process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
        }
        catch (Exception ex) when (ex is Win32Exception or InvalidOperationException or IOException)
        {
            return null;
        }
    }

    /// <summary>Waits for a started git command (killed after <see cref="CommandTimeout"/>): its trimmed output, or null on failure.</summary>
    private static string? Finish(GitRun? run)
    {
        if (run is null)
        {
            return null;
        }

        using var process = run.Process;
        try
        {
            if (!process.WaitForExit(CommandTimeout))
            {
                process.Kill(entireProcessTree: true);
                return null;
            }

            Task.WaitAll(run.Output, run.Error);
            var text = run.Output.Result.Trim();
            return process.ExitCode == 0 && text.Length > 0 ? text : null;
        }
        catch (Exception ex) when (ex is Win32Exception or InvalidOperationException or IOException or AggregateException)
        {
            return null;
        }
    }

    private sealed record GitRun(Process Process, Task<string> Output, Task<string> Error);
}

/// <summary>A work tree's git directory and the common directory shared by its linked work trees.</summary>
internal sealed record GitDirectories(string GitDirectory, string CommonDirectory);
