namespace Shipgate.Secrets.Archives;

/// <summary>
/// Guards for reading archives, which are untrusted input: nesting depth, total and per-entry uncompressed bytes,
/// entry count and compression ratio. Immutable.
/// </summary>
public sealed record ArchiveLimits
{
    public static ArchiveLimits Default { get; } = new();

    /// <summary>How deep archives are opened: 1 is the archive itself, 2 an archive inside it. Deeper ones are skipped.</summary>
    public int MaxDepth { get; init; } = 2;

    /// <summary>Uncompressed bytes read from one top-level archive, nested archives included.</summary>
    public long MaxTotalBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>Entries (files) in one top-level archive, nested archives included.</summary>
    public int MaxEntries { get; init; } = 10_000;

    /// <summary>Uncompressed bytes of one entry; larger entries are not scanned.</summary>
    public long MaxEntryBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Uncompressed-to-compressed ratio above which data counts as a compression bomb.</summary>
    public double MaxCompressionRatio { get; init; } = 100;

    /// <summary>Data smaller than this is never judged by its ratio (small text compresses very well).</summary>
    public long RatioCheckThreshold { get; init; } = 1024 * 1024;
}
