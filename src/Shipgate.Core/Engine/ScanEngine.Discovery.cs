using System.Collections.Concurrent;

namespace Shipgate.Core;

public sealed partial class ScanEngine
{
    private static DiscoveryResult Discover(ScanOptions options, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> targets = options.Targets.Count == 0 ? ["."] : options.Targets;
        FileDiscovery discovery;
        try
        {
            discovery = new FileDiscovery(new DiscoveryOptions(targets, options.WorkingDirectory)
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

        return discovery.Discover(cancellationToken);
    }

    /// <summary>
    /// Maps files to the path that goes into fingerprints: relative to the git work tree when the file is in one,
    /// so fingerprints do not depend on where the scan was started. Caches the work-tree root per directory.
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

            var root = roots.GetOrAdd(directory, GitRepository.FindWorkTreeRoot);
            return root is null ? file.DisplayPath : Path.GetRelativePath(root, full).Replace('\\', '/');
        }
    }
}
