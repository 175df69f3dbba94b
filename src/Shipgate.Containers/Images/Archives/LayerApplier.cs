using System.Formats.Tar;
using System.Globalization;
using Shipgate.Containers.Images.Packages;
using Shipgate.Core;

namespace Shipgate.Containers.Images.Archives;

/// <summary>
/// Applies layer tars, bottom-up, onto an <see cref="ImageFileSystem"/> without writing anything to disk: entries
/// are indexed, whiteouts (<c>.wh.NAME</c>) delete lower paths, opaque markers (<c>.wh..wh..opq</c>) empty a lower
/// directory, and only the files the scan needs are kept in memory, within budgets. Entries that would escape the
/// root are skipped with a note; entry-count and declared-size bombs stop the read. Not thread-safe.
/// </summary>
internal sealed class LayerApplier(ImageFileSystem files, ImageReadOptions options, List<ImageNote> notes)
{
    private const string OpaqueMarker = ".wh..wh..opq";
    private const string WhiteoutPrefix = ".wh.";
    private readonly CapturePolicy policy = new(options);
    private readonly Dictionary<string, (CaptureKind Kind, long Size)> held = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<ImagePackage>> javaPackages = new(StringComparer.Ordinal);
    private long entries;
    private long declaredBytes;
    private long inventoryHeld;
    private long textHeld;

    public int TextFilesTooLarge { get; private set; }

    public int TextFilesOverBudget { get; private set; }

    public long DeclaredBytes => declaredBytes;

    public long Entries => entries;

    /// <summary>Maven packages found in the Java archives still present in the final file system.</summary>
    public IEnumerable<ImagePackage> JavaPackages => javaPackages.OrderBy(p => p.Key, StringComparer.Ordinal).SelectMany(p => p.Value);

    /// <summary>Paths of kept text files, for the secrets scanner.</summary>
    public IEnumerable<string> TextPaths => held.Where(h => h.Value.Kind == CaptureKind.Text).Select(h => h.Key).Order(StringComparer.Ordinal);

    public void Apply(Stream tar, int layer, string label)
    {
        var staged = new Dictionary<string, (ImageFile File, byte[]? Content, CaptureKind Kind, IReadOnlyList<ImagePackage>? Java)>(StringComparer.Ordinal);
        var whiteouts = new List<string>();
        var opaque = new List<string>();
        using var reader = new TarReader(tar, leaveOpen: true);
        while (reader.GetNextEntry(copyData: false) is { } entry)
        {
            if (++entries > options.MaxEntries)
            {
                throw new InputFormatException($"{label}: the layers hold more than {options.MaxEntries.ToString(CultureInfo.InvariantCulture)} entries; refusing a possible archive bomb");
            }

            if (entry.Length < 0 || entry.Length > options.MaxTotalBytes - declaredBytes)
            {
                throw new InputFormatException($"{label}: the layers declare more than {options.MaxTotalBytes.ToString(CultureInfo.InvariantCulture)} bytes of content; refusing a possible archive bomb");
            }

            declaredBytes += entry.Length;
            if (NormaliseEntry(entry.Name) is not { } path)
            {
                notes.Add(new ImageNote(entry.Name, $"{label}: entry escapes the image root and was skipped"));
                continue;
            }

            if (path.Length == 0)
            {
                continue;
            }

            var slash = path.LastIndexOf('/');
            var parent = slash < 0 ? "" : path[..slash];
            var name = path[(slash + 1)..];
            if (name.StartsWith(WhiteoutPrefix, StringComparison.Ordinal))
            {
                if (name == OpaqueMarker)
                {
                    opaque.Add(parent);
                }
                else if (!name.StartsWith(WhiteoutPrefix + WhiteoutPrefix, StringComparison.Ordinal))
                {
                    whiteouts.Add(parent.Length == 0 ? name[WhiteoutPrefix.Length..] : parent + "/" + name[WhiteoutPrefix.Length..]);
                }

                continue;
            }

            var (kind, link) = KindOf(entry);
            byte[]? content = null;
            var capture = CaptureKind.None;
            IReadOnlyList<ImagePackage>? java = null;
            if (kind == ImageFileKind.File && entry.DataStream is { } data)
            {
                capture = policy.Classify(path, entry.Length);
                (content, capture, java) = Capture(path, data, entry.Length, capture);
            }

            if (staged.TryGetValue(path, out var earlier))
            {
                Release(earlier.Kind, earlier.Content?.LongLength ?? 0);
            }

            staged[path] = (new ImageFile(path, kind, kind == ImageFileKind.File ? entry.Length : 0, layer, link), content, capture, java);
        }

        foreach (var directory in opaque)
        {
            RemoveBelow(directory);
        }

        foreach (var path in whiteouts)
        {
            RemovePath(path);
            RemoveBelow(path);
        }

        foreach (var (path, (file, content, kind, java)) in staged)
        {
            if (files.Find(path) is { Kind: ImageFileKind.Directory } && file.Kind != ImageFileKind.Directory)
            {
                RemoveBelow(path);
            }

            ReleaseHeld(path);
            javaPackages.Remove(path);
            files.Set(file, content);
            if (content is not null)
            {
                held[path] = (kind, content.LongLength);
            }

            if (java is not null)
            {
                javaPackages[path] = java;
            }
        }
    }

    /// <summary>
    /// A tar member name as an image path without a leading slash; empty for the root; null when a <c>..</c>
    /// would leave the root.
    /// </summary>
    internal static string? NormaliseEntry(string name)
    {
        var parts = new List<string>();
        foreach (var part in name.Split('/'))
        {
            if (part is "" or ".")
            {
                continue;
            }

            if (part == "..")
            {
                return null;
            }

            parts.Add(part);
        }

        return string.Join('/', parts);
    }

    private static (ImageFileKind Kind, string? Link) KindOf(TarEntry entry) => entry.EntryType switch
    {
        TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile => (ImageFileKind.File, null),
        TarEntryType.Directory => (ImageFileKind.Directory, null),
        TarEntryType.SymbolicLink => (ImageFileKind.Symlink, entry.LinkName),
        TarEntryType.HardLink when NormaliseEntry(entry.LinkName) is { Length: > 0 } target => (ImageFileKind.HardLink, target),
        _ => (ImageFileKind.Other, null),
    };

    private (byte[]? Content, CaptureKind Kind, IReadOnlyList<ImagePackage>? Java) Capture(string path, Stream data, long length, CaptureKind kind)
    {
        switch (kind)
        {
            case CaptureKind.Inventory or CaptureKind.JavaArchive:
                if (length > options.MaxInventoryFileBytes || inventoryHeld + length > options.InventoryBudgetBytes)
                {
                    notes.Add(new ImageNote(path, $"not read: {length.ToString(CultureInfo.InvariantCulture)} bytes is over the inventory size limit"));
                    return (null, CaptureKind.None, null);
                }

                var bytes = ReadAll(data, length);
                if (kind == CaptureKind.Inventory)
                {
                    inventoryHeld += bytes.LongLength;
                    return (bytes, kind, null);
                }

                try
                {
                    return (null, kind, JarInspector.Read(bytes, path));
                }
                catch (InvalidDataException)
                {
                    notes.Add(new ImageNote(path, "not a readable Java archive; its packages are not listed"));
                    return (null, CaptureKind.None, null);
                }

            case CaptureKind.Text:
                if (textHeld + length > options.SecretBudgetBytes)
                {
                    TextFilesOverBudget++;
                    return (null, CaptureKind.None, null);
                }

                var text = ReadAll(data, length);
                if (text.AsSpan(0, Math.Min(text.Length, 8192)).Contains((byte)0))
                {
                    return (null, CaptureKind.None, null);
                }

                textHeld += text.LongLength;
                return (text, kind, null);
            default:
                if (options.CollectTextFiles && length > options.MaxSecretFileBytes && CapturePolicy.IsSecretScanned(path))
                {
                    TextFilesTooLarge++;
                }

                return (null, CaptureKind.None, null);
        }
    }

    private static byte[] ReadAll(Stream data, long length)
    {
        var bytes = new byte[length];
        data.ReadExactly(bytes);
        return bytes;
    }

    private void RemoveBelow(string directory)
    {
        foreach (var file in files.Under(directory))
        {
            RemovePath(file.Path);
        }
    }

    private void RemovePath(string path)
    {
        ReleaseHeld(path);
        javaPackages.Remove(path);
        files.Remove(path);
    }

    private void ReleaseHeld(string path)
    {
        if (held.Remove(path, out var entry))
        {
            Release(entry.Kind, entry.Size);
        }
    }

    private void Release(CaptureKind kind, long size)
    {
        if (kind == CaptureKind.Text)
        {
            textHeld -= size;
        }
        else if (kind == CaptureKind.Inventory)
        {
            inventoryHeld -= size;
        }
    }
}
