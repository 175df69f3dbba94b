using Shipgate.Core.Discovery;

namespace Shipgate.Core;

public sealed partial class ScanEngine
{
    private static DiscoveryResult Discover(ScanOptions options)
    {
        var files = new List<ScanFile>();
        var skipped = new List<SkippedFile>();
        var errors = new List<ScanError>();
        var discovery = new FileDiscovery(new DiscoveryOptions
        {
            Targets = options.Targets.Count == 0 ? ["."] : options.Targets,
            WorkingDirectory = options.WorkingDirectory,
            Exclude = options.Exclude,
            UseGitIgnore = options.UseGitIgnore,
            MaxFileSize = options.MaxFileSize,
        });
        foreach (var item in discovery.Enumerate())
        {
            switch (item)
            {
                case { File: { } file }:
                    files.Add(file);
                    break;
                case { Skipped: { } skip }:
                    skipped.Add(skip);
                    break;
                case { Error: { } error }:
                    errors.Add(error);
                    break;
            }
        }

        return new DiscoveryResult(files, skipped, errors);
    }

    /// <summary>The path that goes into fingerprints: relative to the git work tree when the file is in one, so it does not depend on where the scan was started.</summary>
    private static string IdentityPathOf(ScanFile file)
    {
        if (file.FullPath is { } full && GitRepository.FindWorkTreeRoot(Path.GetDirectoryName(full) ?? full) is { } root)
        {
            return Path.GetRelativePath(root, full).Replace('\\', '/');
        }

        return file.DisplayPath;
    }

    private sealed record DiscoveryResult(IReadOnlyList<ScanFile> Files, IReadOnlyList<SkippedFile> Skipped, IReadOnlyList<ScanError> Errors);
}
