using System.Collections.Concurrent;

namespace Shipgate.Core;

public sealed partial class ScanEngine
{
    private static FileDiscovery CreateDiscovery(ScanOptions options)
    {
        IReadOnlyList<string> targets = options.Targets.Count == 0 ? ["."] : options.Targets;
        try
        {
            return new FileDiscovery(new DiscoveryOptions(targets, options.WorkingDirectory)
            {
                Exclude = options.Exclude,
                UseGitIgnore = options.UseGitIgnore,
                MaxFileSize = options.MaxFileSize,
            });
        }
        catch (ArgumentException ex)
        {
            throw new InputFormatException($"invalid exclude pattern: {ex.Message}");
        }
    }

    /// <summary>
    /// Maps files to the path that goes into fingerprints: relative to the git work tree when the file is in one,
    /// so fingerprints do not depend on where the scan was started. Caches the work-tree root per directory, and finds
    /// it from the parent's cached answer, so each directory of the tree is probed for <c>.git</c> once (walking up from
    /// every directory probed each ancestor again: eight probes per directory in a deep tree).
    /// </summary>
    private sealed class IdentityPaths
    {
        private readonly ConcurrentDictionary<string, string?> roots = new(StringComparer.Ordinal);

        public string Of(ScanFile file)
        {
            if (file.FullPath is not { } full || Path.GetDirectoryName(full) is not { } directory)
            {
                return file.DisplayPath;
            }

            var root = RootOf(directory);
            return root is null ? file.DisplayPath : Path.GetRelativePath(root, full).Replace('\\', '/');
        }

        private string? RootOf(string directory)
        {
            if (roots.TryGetValue(directory, out var known))
            {
                return known;
            }

            string? root;
            try
            {
                root = GitRepository.IsWorkTreeRoot(directory)
                    ? Path.TrimEndingDirectorySeparator(directory)
                    : Path.GetDirectoryName(directory) is { Length: > 0 } parent ? RootOf(parent) : null;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                root = null; // as GitRepository.FindWorkTreeRoot: an unreadable path is not in a work tree
            }

            return roots.GetOrAdd(directory, root);
        }
    }
}
