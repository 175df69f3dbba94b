using Shipgate.Containers.Images.Packages;

namespace Shipgate.Containers.Images;

/// <summary>
/// One image read by <see cref="ImageReader"/>: where it came from, its config, its final file system (an index
/// plus the few files kept in memory) and its inventory. Immutable once returned.
/// </summary>
public sealed class ContainerImage
{
    internal ContainerImage(
        string displayName,
        string format,
        IReadOnlyList<string> references,
        byte[] configJson,
        string configDigest,
        ImageConfig config,
        IReadOnlyList<string> layerDigests,
        ImageFileSystem files,
        IReadOnlyList<string> textFiles,
        ImageInventory inventory,
        IReadOnlyList<ImageNote> notes,
        ImageReadStatistics statistics)
    {
        DisplayName = displayName;
        Format = format;
        References = references;
        ConfigJson = configJson;
        ConfigDigest = configDigest;
        Config = config;
        LayerDigests = layerDigests;
        Files = files;
        TextFiles = textFiles;
        Inventory = inventory;
        Notes = notes;
        Statistics = statistics;
    }

    /// <summary>The archive or layout path as the user gave it.</summary>
    public string DisplayName { get; }

    /// <summary><c>docker-archive</c>, <c>oci-archive</c> or <c>oci-layout</c>.</summary>
    public string Format { get; }

    /// <summary>The names the image was saved under (<c>RepoTags</c>, OCI ref-name annotations).</summary>
    public IReadOnlyList<string> References { get; }

    public byte[] ConfigJson { get; }

    /// <summary>The image id (<c>sha256:</c> digest of the config).</summary>
    public string ConfigDigest { get; }

    public ImageConfig Config { get; }

    /// <summary>One digest per layer (as stored, or the diff id), bottom-up.</summary>
    public IReadOnlyList<string> LayerDigests { get; }

    public ImageFileSystem Files { get; }

    /// <summary>Paths of the final file system's text files kept for the secrets scanner, sorted.</summary>
    public IReadOnlyList<string> TextFiles { get; }

    public ImageInventory Inventory { get; }

    public IReadOnlyList<ImageNote> Notes { get; }

    public ImageReadStatistics Statistics { get; }
}

/// <summary>Counts from one read, for the summary line and the benchmark.</summary>
public sealed record ImageReadStatistics(int Layers, long Entries, long DeclaredBytes, int Files, int TextFilesTooLarge, int TextFilesOverBudget);
