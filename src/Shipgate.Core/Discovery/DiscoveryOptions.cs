namespace Shipgate.Core;

/// <summary>
/// What <see cref="FileDiscovery"/> should enumerate. Immutable.
/// </summary>
/// <param name="Targets">Files or directories as the user typed them, relative to <paramref name="WorkingDirectory"/> or absolute.</param>
/// <param name="WorkingDirectory">The directory relative targets and display paths are resolved against.</param>
public sealed record DiscoveryOptions(IReadOnlyList<string> Targets, string WorkingDirectory)
{
    /// <summary>25 MiB: large enough for any lockfile or workflow, small enough to keep a stray dump or binary out.</summary>
    public const long DefaultMaxFileSize = 25L * 1024 * 1024;

    /// <summary>
    /// Globs (see <see cref="Glob"/>) for paths not to scan inside directory targets, tested against the path relative to the
    /// target and, for targets inside the working directory, against the display path (so <c>examples/app/**</c> works with
    /// target <c>.</c> and with target <c>examples/app</c>). Files named as targets are scanned even when they match.
    /// </summary>
    public IReadOnlyList<string> Exclude { get; init; } = [];

    /// <summary>Honour <c>.gitignore</c> files and <c>info/exclude</c> inside git work trees.</summary>
    public bool UseGitIgnore { get; init; } = true;

    /// <summary>Larger files are reported as skipped rather than scanned. Zero or less means no limit.</summary>
    public long MaxFileSize { get; init; } = DefaultMaxFileSize;
}

/// <summary>
/// What <see cref="FileDiscovery.Discover"/> found: the files to scan (sorted by display path, each path once), the files
/// deliberately left out with a reason, and the targets or directories that could not be read. Immutable.
/// </summary>
public sealed record DiscoveryResult(IReadOnlyList<ScanFile> Files, IReadOnlyList<SkippedFile> Skipped, IReadOnlyList<ScanError> Errors);

/// <summary>
/// What <see cref="FileDiscovery.Stream"/> leaves after handing out the files: how many there were, the files deliberately
/// left out with a reason, and the targets or directories that could not be read (both sorted). Immutable.
/// </summary>
public sealed record DiscoverySummary(int FileCount, IReadOnlyList<SkippedFile> Skipped, IReadOnlyList<ScanError> Errors);
