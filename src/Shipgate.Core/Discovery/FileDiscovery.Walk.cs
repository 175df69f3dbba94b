using System.IO.Enumeration;

namespace Shipgate.Core;

public sealed partial class FileDiscovery
{
    /// <summary>List hidden and system entries too (on Unix every dot file is "hidden"), and report unreadable directories.</summary>
    private static readonly EnumerationOptions ListingOptions = new()
    {
        AttributesToSkip = 0,
        IgnoreInaccessible = false,
        RecurseSubdirectories = false,
        ReturnSpecialDirectories = false,
    };

    private void WalkDirectory(ScanTarget target, Sink sink, CancellationToken cancellationToken)
    {
        // Display paths are tested only inside the working directory, and only when they differ from the relative paths.
        // A target the excludes name, or one beneath such a directory, then yields nothing.
        var matchDisplay = excludes.Count > 0 && target.DisplayPath.Length > 0 && target.IsInsideWorkingDirectory;
        if (matchDisplay && excludes.IsMatch(target.DisplayPath, isDirectory: true))
        {
            return;
        }

        var physicalRoot = RealPath.Resolve(target.FullPath) ?? target.FullPath;
        var pending = new Stack<DirectoryWork>();
        pending.Push(new DirectoryWork(target.FullPath, "", RootScope(target.FullPath), IsTargetRoot: true));
        while (pending.TryPop(out var work))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var entries = List(work, target, sink);
            if (entries is null)
            {
                continue;
            }

            var scope = work.IsTargetRoot ? work.Scope : EnterDirectory(work, entries);
            foreach (var entry in entries)
            {
                if (entry.Name == ".git")
                {
                    continue;
                }

                var relative = work.RelativePath.Length == 0 ? entry.Name : work.RelativePath + "/" + entry.Name;
                var display = target.DisplayOf(relative);
                var full = Path.Join(work.FullPath, entry.Name);

                // git treats a symbolic link as a file, even one that points to a directory.
                var isLink = entry.IsReparsePoint && IsSymbolicLink(full);
                var isDirectory = entry.IsDirectory && !isLink;
                if (IsIgnoredOrExcluded(scope, relative, matchDisplay ? display : null, isDirectory))
                {
                    continue;
                }

                if (isLink)
                {
                    AddLinkedFile(full, display, relative, entry.IsDirectory, physicalRoot, sink);
                }
                else if (isDirectory)
                {
                    pending.Push(new DirectoryWork(full, relative, scope, IsTargetRoot: false));
                }
                else
                {
                    sink.Add(full, display, relative, entry.Length, explicitlyGiven: false);
                }
            }
        }
    }

    /// <summary>The ignore rules at a directory target: those of its work tree, down to and including the target itself.</summary>
    private IgnoreScope? RootScope(string targetPath)
    {
        if (!options.UseGitIgnore || GitRepository.FindWorkTreeRoot(targetPath) is not { } workTree)
        {
            return null;
        }

        var inRepository = Path.GetRelativePath(workTree, targetPath);
        inRepository = inRepository == "." ? "" : inRepository.Replace(Path.DirectorySeparatorChar, '/');
        return new IgnoreScope(IgnoreRules.Load(workTree, inRepository), inRepository, TrimLength: 0);
    }

    /// <summary>A subdirectory brings its own <c>.gitignore</c>; a nested work tree (a submodule, a vendored clone) starts afresh with its own rules.</summary>
    private IgnoreScope? EnterDirectory(DirectoryWork work, List<Entry> entries)
    {
        if (!options.UseGitIgnore)
        {
            return null;
        }

        if (entries.Exists(e => e.Name == ".git") && GitRepository.IsWorkTreeRoot(work.FullPath))
        {
            return new IgnoreScope(IgnoreRules.Load(work.FullPath), "", work.RelativePath.Length + 1);
        }

        if (work.Scope is { } scope && entries.Exists(e => e.Name == ".gitignore" && !e.IsDirectory))
        {
            var directory = scope.InRepository(work.RelativePath);
            return scope with { Rules = scope.Rules.WithIgnoreFile(directory, Path.Join(work.FullPath, ".gitignore")) };
        }

        return work.Scope;
    }

    private bool IsIgnoredOrExcluded(IgnoreScope? scope, string relative, string? display, bool isDirectory)
    {
        if (scope is not null && scope.Rules.IsIgnoredHere(scope.InRepository(relative), isDirectory))
        {
            return true;
        }

        return excludes.Count > 0
            && (excludes.IsMatchHere(relative, isDirectory) || (display is not null && excludes.IsMatchHere(display, isDirectory)));
    }

    /// <summary>A link is scanned only when it ends at a file inside the target; links to directories are never followed.</summary>
    private static void AddLinkedFile(string full, string display, string relative, bool pointsToDirectory, string physicalRoot, Sink sink)
    {
        if (pointsToDirectory)
        {
            sink.Skip(display, "symbolic link to a directory (not followed)");
            return;
        }

        var physical = RealPath.Resolve(full);
        var info = physical is null ? null : new FileInfo(physical);
        if (info is not { Exists: true })
        {
            sink.Skip(display, "broken symbolic link");
        }
        else if (!RealPath.IsInside(physical!, physicalRoot))
        {
            sink.Skip(display, "symbolic link to a file outside the scanned directory");
        }
        else
        {
            sink.Add(full, display, relative, info.Length, explicitlyGiven: false);
        }
    }

    private static bool IsSymbolicLink(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget is not null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return true;
        }
    }

    /// <summary>Reads one directory; an unreadable one becomes an error and the walk carries on.</summary>
    private static List<Entry>? List(DirectoryWork work, ScanTarget target, Sink sink)
    {
        try
        {
            var listing = new FileSystemEnumerable<Entry>(
                work.FullPath,
                (ref FileSystemEntry e) => new Entry(
                    e.FileName.ToString(),
                    e.IsDirectory,
                    (e.Attributes & FileAttributes.ReparsePoint) != 0,
                    e.IsDirectory ? 0 : e.Length),
                ListingOptions);
            return [.. listing];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            var name = work.RelativePath.Length == 0 ? target.Name : target.DisplayOf(work.RelativePath);
            sink.Error(name, ex switch
            {
                UnauthorizedAccessException => "permission denied",
                DirectoryNotFoundException => "directory disappeared during the scan",
                _ => ex.Message,
            });
            return null;
        }
    }

    /// <summary>One directory entry as the walk needs it.</summary>
    /// <remarks>
    /// A class, not a struct: the listing then runs the base library's shared, ahead-of-time compiled enumerator code;
    /// over a struct it is a new generic instantiation the JIT compiled on every start (~8 ms of an empty scan).
    /// </remarks>
    private sealed record Entry(string Name, bool IsDirectory, bool IsReparsePoint, long Length);

    private sealed record DirectoryWork(string FullPath, string RelativePath, IgnoreScope? Scope, bool IsTargetRoot);

    /// <summary>
    /// The ignore rules in force and how to turn a target-relative path into a work-tree-relative one: prepend
    /// <see cref="Prefix"/> (the target's place in its work tree) after dropping <see cref="TrimLength"/> characters
    /// (the nested work tree's place in the target).
    /// </summary>
    private sealed record IgnoreScope(IgnoreRules Rules, string Prefix, int TrimLength)
    {
        public string InRepository(string relative)
        {
            var inside = TrimLength == 0 ? relative : relative[TrimLength..];
            return Prefix.Length == 0 ? inside : Prefix + "/" + inside;
        }
    }
}
