using System.IO.Compression;
using Shipgate.Core;

namespace Shipgate.Dependencies.Osv;

/// <summary>Bounds for untrusted OSV input: archive bombs and oversized records are refused.</summary>
public sealed record OsvInputLimits
{
    public static OsvInputLimits Default { get; } = new();

    /// <summary>Entries in one archive (the largest OSV export has a few hundred thousand).</summary>
    public int MaxEntries { get; init; } = 2_000_000;

    /// <summary>Uncompressed size of one record.</summary>
    public long MaxEntryBytes { get; init; } = OsvJson.MaxRecordBytes;

    /// <summary>Uncompressed size of everything in one archive.</summary>
    public long MaxTotalBytes { get; init; } = 16L * 1024 * 1024 * 1024;
}

/// <summary>One OSV JSON document from a source: its name inside the source and its bytes.</summary>
public readonly record struct OsvDocument(string Name, ReadOnlyMemory<byte> Content);

/// <summary>
/// Reads OSV JSON documents from a source: an OSV export zip (entries are streamed one by one through the central
/// directory, never loaded whole), a folder of <c>*.json</c> files (recursively), or a single JSON file. Entry names
/// that are absolute or climb out with <c>..</c> make the whole archive refused, as do archives over the limits.
/// </summary>
public static class OsvArchive
{
    public static bool IsZip(string path) =>
        path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase) || (File.Exists(path) && HasZipMagic(path));

    /// <summary>Checks a zip's structure, names and declared sizes without importing; throws <see cref="InputFormatException"/>.</summary>
    public static int Verify(string path, OsvInputLimits? limits = null)
    {
        using var stream = OpenFile(path);
        using var archive = OpenZip(stream, path);
        return CheckEntries(archive, path, limits ?? OsvInputLimits.Default).Count;
    }

    /// <summary>Checks a downloaded zip end to end: structure, names, sizes, and every entry decompresses with a matching CRC.</summary>
    public static void VerifyContents(string path, OsvInputLimits? limits = null)
    {
        foreach (var _ in ReadZip(path, limits ?? OsvInputLimits.Default))
        {
        }
    }

    /// <summary>Every JSON document of the source, in a deterministic order.</summary>
    public static IEnumerable<OsvDocument> Read(string path, OsvInputLimits? limits = null)
    {
        limits ??= OsvInputLimits.Default;
        if (Directory.Exists(path))
        {
            return ReadFolder(path, limits);
        }

        if (!File.Exists(path))
        {
            throw new InputFormatException($"{path}: no such file or folder");
        }

        return IsZip(path) ? ReadZip(path, limits) : ReadSingle(path, limits);
    }

    private static IEnumerable<OsvDocument> ReadZip(string path, OsvInputLimits limits)
    {
        using var stream = OpenFile(path);
        using var archive = OpenZip(stream, path);
        var entries = CheckEntries(archive, path, limits);
        var buffer = new MemoryStream();
        foreach (var entry in entries)
        {
            buffer.SetLength(0);
            try
            {
                using var content = entry.Open();
                CopyBounded(content, buffer, limits.MaxEntryBytes, $"{path}!{entry.FullName}");
            }
            catch (InvalidDataException ex)
            {
                throw new InputFormatException($"{path}!{entry.FullName}: damaged archive entry ({ex.Message.TrimEnd('.')}); download it again");
            }

            var bytes = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
            if (Crc32.Compute(bytes.Span) != entry.Crc32)
            {
                throw new InputFormatException($"{path}!{entry.FullName}: damaged archive entry (CRC-32 mismatch); download it again");
            }

            yield return new OsvDocument(entry.FullName, bytes);
        }
    }

    private static IEnumerable<OsvDocument> ReadFolder(string path, OsvInputLimits limits)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, MatchCasing = MatchCasing.CaseInsensitive };
        var files = Directory.EnumerateFiles(path, "*.json", options).Order(StringComparer.Ordinal).ToList();
        foreach (var file in files)
        {
            var info = new FileInfo(file);
            if (info.Length > limits.MaxEntryBytes)
            {
                throw new InputFormatException($"{file}: larger than {limits.MaxEntryBytes / (1024 * 1024)} MiB; not an OSV record");
            }

            yield return new OsvDocument(System.IO.Path.GetRelativePath(path, file).Replace('\\', '/'), File.ReadAllBytes(file));
        }
    }

    private static IEnumerable<OsvDocument> ReadSingle(string path, OsvInputLimits limits)
    {
        if (new FileInfo(path).Length > limits.MaxEntryBytes)
        {
            throw new InputFormatException($"{path}: larger than {limits.MaxEntryBytes / (1024 * 1024)} MiB; not an OSV record");
        }

        yield return new OsvDocument(System.IO.Path.GetFileName(path), File.ReadAllBytes(path));
    }

    private static FileStream OpenFile(string path) => new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);

    private static ZipArchive OpenZip(Stream stream, string path)
    {
        try
        {
            return new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: false);
        }
        catch (InvalidDataException ex)
        {
            throw new InputFormatException($"{path}: not a valid zip archive ({ex.Message.TrimEnd('.')})");
        }
    }

    private static List<ZipArchiveEntry> CheckEntries(ZipArchive archive, string path, OsvInputLimits limits)
    {
        var entries = new List<ZipArchiveEntry>();
        long total = 0;
        var count = 0;
        foreach (var entry in archive.Entries)
        {
            if (++count > limits.MaxEntries)
            {
                throw new InputFormatException($"{path}: more than {limits.MaxEntries} entries; refusing the archive");
            }

            if (!IsSafeEntryName(entry.FullName))
            {
                throw new InputFormatException($"{path}: entry '{entry.FullName}' has an absolute or '..' path; refusing the archive");
            }

            if (entry.FullName.EndsWith('/') || !entry.FullName.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (entry.Length > limits.MaxEntryBytes)
            {
                throw new InputFormatException($"{path}: entry '{entry.FullName}' unpacks to {entry.Length} bytes, over the {limits.MaxEntryBytes}-byte limit; refusing the archive");
            }

            total += entry.Length;
            if (total > limits.MaxTotalBytes)
            {
                throw new InputFormatException($"{path}: unpacks to more than {limits.MaxTotalBytes} bytes; refusing the archive");
            }

            entries.Add(entry);
        }

        entries.Sort((a, b) => string.CompareOrdinal(a.FullName, b.FullName));
        return entries;
    }

    /// <summary>Relative, forward or backward slashes, no <c>..</c> segment, no drive letter, no leading slash.</summary>
    public static bool IsSafeEntryName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0 || name[0] is '/' or '\\' || (name.Length > 1 && name[1] == ':') || name.Contains('\0', StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var segment in name.Split('/', '\\'))
        {
            if (segment == "..")
            {
                return false;
            }
        }

        return true;
    }

    private static void CopyBounded(Stream source, MemoryStream target, long max, string name)
    {
        var buffer = new byte[81920];
        int read;
        while ((read = source.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (target.Length + read > max)
            {
                throw new InputFormatException($"{name}: unpacks to more than {max} bytes (its header says less); refusing the archive");
            }

            target.Write(buffer, 0, read);
        }
    }

    private static bool HasZipMagic(string path)
    {
        Span<byte> magic = stackalloc byte[4];
        using var stream = File.OpenRead(path);
        return stream.Read(magic) == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
    }
}

/// <summary>CRC-32 (IEEE 802.3, as zip uses), table-driven; the BCL's ZipArchive does not check it on read.</summary>
internal static class Crc32
{
    private static readonly uint[] Table = Build();

    public static uint Compute(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return ~crc;
    }

    private static uint[] Build()
    {
        var table = new uint[256];
        for (uint i = 0; i < 256; i++)
        {
            var c = i;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[i] = c;
        }

        return table;
    }
}
