using Shipgate.Core;
using Shipgate.Dependencies.Lockfiles;

namespace Shipgate.Dependencies;

/// <summary>A lockfile to read: its format and its path as the user gave it.</summary>
public sealed record LockfileRequest(LockfileFormat Format, string Path);

/// <summary>Everything read from a set of lockfiles: the packages and the files that could not be read.</summary>
public sealed record DependencyInventory(IReadOnlyList<Package> Packages, IReadOnlyList<ScanError> Errors);

/// <summary>
/// Reads lockfiles from disk and parses each with its format's parser. One bad file becomes an error entry
/// and the others are still read. Stateless apart from the reader it is given; thread-safe.
/// </summary>
public sealed class LockfileReader(IFileReader files)
{
    /// <summary>Every lockfile under <paramref name="directory"/> whose name a format knows, skipping VCS and dependency folders.</summary>
    public static IEnumerable<LockfileRequest> Discover(string directory, string displayPrefix, LockfileFormats formats)
    {
        var pending = new Stack<(string Full, string Display)>();
        pending.Push((directory, displayPrefix));
        while (pending.Count > 0)
        {
            var (full, display) = pending.Pop();
            IEnumerable<string> entries;
            try
            {
                entries = Directory.EnumerateFileSystemEntries(full).Order(StringComparer.Ordinal).ToList();
            }
            catch (IOException)
            {
                continue;
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }

            var subdirectories = new List<(string, string)>();
            foreach (var entry in entries)
            {
                var name = System.IO.Path.GetFileName(entry);
                var shown = display.Length == 0 ? name : display.TrimEnd('/') + "/" + name;
                if (Directory.Exists(entry))
                {
                    if (name is not (".git" or "node_modules" or ".hg" or ".svn") && !new FileInfo(entry).Attributes.HasFlag(FileAttributes.ReparsePoint))
                    {
                        subdirectories.Add((entry, shown));
                    }
                }
                else if (formats.Detect(name) is { } format)
                {
                    yield return new LockfileRequest(format, shown);
                }
            }

            for (var i = subdirectories.Count - 1; i >= 0; i--)
            {
                pending.Push(subdirectories[i]);
            }
        }
    }

    public DependencyInventory Read(IEnumerable<LockfileRequest> requests)
    {
        var packages = new List<Package>();
        var errors = new List<ScanError>();
        foreach (var request in requests)
        {
            try
            {
                var content = files.TryRead(request.Path)
                    ?? throw new InputFormatException("The file does not exist or cannot be read.");
                packages.AddRange(request.Format.Parser.Parse(content.TrimStart('\uFEFF'), request.Path));
            }
            catch (InputFormatException ex)
            {
                errors.Add(new ScanError(request.Path, ex.Message, ex.Line, ex.Column));
            }
#pragma warning disable CA1031 // One file's parser bug must not stop the others; it is reported as that file's error.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                errors.Add(new ScanError(request.Path, $"Internal error while parsing ({ex.GetType().Name}): {ex.Message}"));
            }
        }

        return new DependencyInventory(packages, errors);
    }
}
