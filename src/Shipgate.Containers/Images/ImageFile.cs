namespace Shipgate.Containers.Images;

/// <summary>What a path in the image's file system is.</summary>
public enum ImageFileKind
{
    File,
    Directory,
    Symlink,
    HardLink,

    /// <summary>A device, FIFO or other special file: listed, never read.</summary>
    Other,
}

/// <summary>
/// One path of the image's final file system (after every layer and whiteout): where it came from and what it is.
/// <see cref="Path"/> has no leading slash. Immutable.
/// </summary>
public sealed record ImageFile(string Path, ImageFileKind Kind, long Size, int Layer, string? LinkTarget);

/// <summary>A path-bound remark about the image that is not a finding: skipped entries, unsupported databases.</summary>
public sealed record ImageNote(string Path, string Message);
