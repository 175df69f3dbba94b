namespace Shipgate.Containers.Images;

/// <summary>
/// The bounds an image read stays within (untrusted input: archive bombs, huge files) and which extra files the
/// caller wants kept in memory. Immutable; the defaults suit real images of several gigabytes.
/// </summary>
public sealed record ImageReadOptions
{
    /// <summary>Most tar entries over all layers (an entry-count bomb stops here).</summary>
    public long MaxEntries { get; init; } = 2_000_000;

    /// <summary>Most layers in one image (Docker allows 127; OCI sets no limit).</summary>
    public int MaxLayers { get; init; } = 512;

    /// <summary>Most bytes the layers' tar entries may declare in total (a size bomb stops here).</summary>
    public long MaxTotalBytes { get; init; } = 64L * 1024 * 1024 * 1024;

    /// <summary>Largest manifest, index or config JSON document read.</summary>
    public int MaxDocumentBytes { get; init; } = 8 * 1024 * 1024;

    /// <summary>Largest package database or metadata file kept (dpkg status, rpmdb.sqlite, lockfiles, jars).</summary>
    public long MaxInventoryFileBytes { get; init; } = 128L * 1024 * 1024;

    /// <summary>Budget for all inventory files held at once.</summary>
    public long InventoryBudgetBytes { get; init; } = 192L * 1024 * 1024;

    /// <summary>Largest file handed to the secrets scanner; larger ones are counted and skipped.</summary>
    public long MaxSecretFileBytes { get; init; } = 1024 * 1024;

    /// <summary>Budget for all text files held for the secrets scanner at once.</summary>
    public long SecretBudgetBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Whether text files of the final file system are kept for the secrets scanner.</summary>
    public bool CollectTextFiles { get; init; } = true;

    /// <summary>
    /// Extra inventory files the caller wants (lockfiles by name, decided by the dependencies domain). Gets the
    /// image path without a leading slash.
    /// </summary>
    public Func<string, bool>? IsInventoryFile { get; init; }

    /// <summary>Whether layer and config digests are checked against their descriptors while streaming.</summary>
    public bool VerifyDigests { get; init; } = true;
}
