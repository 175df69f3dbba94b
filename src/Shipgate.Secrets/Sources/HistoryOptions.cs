namespace Shipgate.Secrets.Sources;

/// <summary>Which history <see cref="HistorySource"/> walks, and its limits. Immutable.</summary>
public sealed record HistoryOptions
{
    public static HistoryOptions Default { get; } = new();

    /// <summary>Every ref (branches, tags, remotes, stash) instead of HEAD only (<c>--all-refs</c>).</summary>
    public bool AllRefs { get; init; }

    /// <summary>
    /// Only commits not reachable from this revision: <c>REV..HEAD</c> (<c>--since REV</c>); with <see cref="AllRefs"/>,
    /// every ref's commits that are not in <c>REV</c>.
    /// </summary>
    public string? Since { get; init; }

    /// <summary>Blobs larger than this are not read (counted in <see cref="HistoryStatistics.SkippedTooLarge"/>).</summary>
    public long MaxBlobBytes { get; init; } = 10L * 1024 * 1024;

    /// <summary>Extra environment variables for git (tests isolate configuration this way).</summary>
    public IReadOnlyDictionary<string, string>? Environment { get; init; }
}

/// <summary>What a history walk did, for the summary line and for tests.</summary>
public sealed record HistoryStatistics(int Commits, int UniqueBlobs, int BlobsRead, int SkippedBinary, int SkippedTooLarge, int Missing);
