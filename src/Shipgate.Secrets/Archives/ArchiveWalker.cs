using System.Formats.Tar;
using System.Globalization;
using System.IO.Compression;
using Shipgate.Core;

namespace Shipgate.Secrets.Archives;

/// <summary>
/// Reads an archive in memory (nothing is ever extracted to disk) and hands each text entry to a callback, opening
/// nested archives up to <see cref="ArchiveLimits.MaxDepth"/>. Every limit that trips is recorded in
/// <see cref="GuardTrips"/>; scanning stops where going on would be unsafe and continues where it is not.
/// One instance per top-level archive (it holds the shared budget); not thread-safe.
/// </summary>
internal sealed class ArchiveWalker
{
    private const int SniffLength = 8192;

    private readonly ArchiveLimits limits;
    private readonly Action<string, byte[]> onText;
    private readonly CancellationToken cancellationToken;
    private long totalBytes;
    private int entries;
    private bool stopped;

    /// <param name="limits">The guards.</param>
    /// <param name="onText">Called with the display path (<c>outer.zip!inner/file.txt</c>) and content of each text entry.</param>
    /// <param name="cancellationToken">Checked between entries.</param>
    public ArchiveWalker(ArchiveLimits limits, Action<string, byte[]> onText, CancellationToken cancellationToken)
    {
        this.limits = limits;
        this.onText = onText;
        this.cancellationToken = cancellationToken;
    }

    public List<string> GuardTrips { get; } = [];

    public List<string> Skipped { get; } = [];

    public int TextEntries { get; private set; }

    /// <summary>Walks one archive. <paramref name="compressedLength"/> is its size on disk, for the bomb guard.</summary>
    public void Walk(Stream stream, ArchiveFormat format, string displayPath, long compressedLength, int depth)
    {
        try
        {
            switch (format)
            {
                case ArchiveFormat.Zip:
                    WalkZip(stream, displayPath, depth);
                    break;
                case ArchiveFormat.Tar:
                    WalkTar(stream, displayPath, depth, compressedLength: null);
                    break;
                case ArchiveFormat.TarGzip:
                    using (var gzip = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true))
                    {
                        WalkTar(gzip, displayPath, depth, compressedLength);
                    }

                    break;
                case ArchiveFormat.None:
                default:
                    throw new ArgumentOutOfRangeException(nameof(format));
            }
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or EndOfStreamException or NotSupportedException)
        {
            Trip($"{displayPath}: not a readable {Describe(format)} archive ({e.Message.TrimEnd('.')})");
        }
    }

    private static string Describe(ArchiveFormat format) => format switch
    {
        ArchiveFormat.Zip => "zip",
        ArchiveFormat.Tar => "tar",
        ArchiveFormat.TarGzip => "tar.gz",
        _ => "unknown",
    };

    private void WalkZip(Stream stream, string displayPath, int depth)
    {
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        foreach (var entry in zip.Entries)
        {
            if (stopped)
            {
                return;
            }

            if (entry.FullName.EndsWith('/') || entry.FullName.EndsWith('\\'))
            {
                continue; // a directory
            }

            var ratioBudget = (long)Math.Min(long.MaxValue / 2, Math.Max(limits.RatioCheckThreshold, entry.CompressedLength * limits.MaxCompressionRatio));
            if (entry.Length > ratioBudget)
            {
                CountEntry(displayPath);
                Trip($"{Path(displayPath, entry.FullName)}: compression ratio over {limits.MaxCompressionRatio.ToString(CultureInfo.InvariantCulture)}:1, a possible zip bomb");
                continue;
            }

            Entry(displayPath, entry.FullName, entry.Length, entry.Open, ratioBudget, depth);
        }
    }

    private void WalkTar(Stream stream, string displayPath, int depth, long? compressedLength)
    {
        long archiveBytes = 0;
        using var reader = new TarReader(stream, leaveOpen: true);
        while (!stopped && reader.GetNextEntry(copyData: false) is { } entry)
        {
            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile))
            {
                continue; // directories, links, devices: nothing to read (links are never followed)
            }

            var ratioBudget = compressedLength is { } packed
                ? (long)Math.Min(long.MaxValue / 2, Math.Max(limits.RatioCheckThreshold, packed * limits.MaxCompressionRatio)) - archiveBytes
                : long.MaxValue;
            var before = totalBytes;
            var trips = GuardTrips.Count;
            Entry(displayPath, entry.Name, entry.Length, () => entry.DataStream ?? Stream.Null, ratioBudget, depth);
            archiveBytes += totalBytes - before;
            if (GuardTrips.Count > trips)
            {
                // Moving past an entry means reading through its data, which may be a bomb when compressed: stop here.
                stopped = true;
            }
        }
    }

    private void Entry(string archivePath, string rawName, long declaredLength, Func<Stream> open, long ratioBudget, int depth)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!CountEntry(archivePath))
        {
            return;
        }

        var path = Path(archivePath, rawName);
        if (declaredLength > limits.MaxEntryBytes)
        {
            Trip($"{path}: {declaredLength} bytes, over the {limits.MaxEntryBytes}-byte entry limit");
            return;
        }

        var remaining = limits.MaxTotalBytes - totalBytes;
        var cap = Math.Min(Math.Min(limits.MaxEntryBytes, remaining), ratioBudget);
        byte[] content;
        try
        {
            using var stream = open();
            content = ReadBounded(stream, cap, out var exceeded);
            totalBytes += content.Length;
            if (exceeded)
            {
                ReportOverrun(path, cap, remaining, ratioBudget);
                return;
            }
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException or EndOfStreamException)
        {
            Trip($"{path}: could not be read ({e.Message.TrimEnd('.')})");
            return;
        }

        var nested = ArchiveFormats.FromName(path);
        if (nested != ArchiveFormat.None)
        {
            if (depth >= limits.MaxDepth)
            {
                Skipped.Add($"{path}: archive nested deeper than {limits.MaxDepth} levels, not opened");
                return;
            }

            using var inner = new MemoryStream(content, writable: false);
            Walk(inner, nested, path, content.Length, depth + 1);
            return;
        }

        if (BinarySniffer.LooksBinary(content.AsSpan(0, Math.Min(content.Length, SniffLength))))
        {
            return;
        }

        TextEntries++;
        onText(path, content);
    }

    private bool CountEntry(string archivePath)
    {
        if (++entries <= limits.MaxEntries)
        {
            return true;
        }

        Trip($"{archivePath}: more than {limits.MaxEntries} entries; the rest was not scanned");
        stopped = true;
        return false;
    }

    private void ReportOverrun(string path, long cap, long remaining, long ratioBudget)
    {
        if (cap == remaining)
        {
            Trip($"{path}: the archive holds more than {limits.MaxTotalBytes} uncompressed bytes; the rest was not scanned");
            stopped = true;
        }
        else if (cap == ratioBudget)
        {
            Trip($"{path}: compression ratio over {limits.MaxCompressionRatio.ToString(CultureInfo.InvariantCulture)}:1, a possible compression bomb");
            stopped = true;
        }
        else
        {
            Trip($"{path}: more than {limits.MaxEntryBytes} bytes, over the entry limit");
        }
    }

    private void Trip(string message) => GuardTrips.Add(message);

    private static string Path(string archivePath, string rawName) => archivePath + "!" + ArchiveFormats.SafeEntryName(rawName);

    /// <summary>Reads at most <paramref name="cap"/> bytes; <paramref name="exceeded"/> says there was more.</summary>
    private static byte[] ReadBounded(Stream stream, long cap, out bool exceeded)
    {
        if (cap < 0)
        {
            exceeded = true;
            return [];
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        while (true)
        {
            var want = (int)Math.Min(chunk.Length, cap - buffer.Length + 1);
            var read = want <= 0 ? 0 : stream.Read(chunk, 0, want);
            if (read == 0)
            {
                exceeded = false;
                return buffer.ToArray();
            }

            if (buffer.Length + read > cap)
            {
                exceeded = true;
                return buffer.ToArray();
            }

            buffer.Write(chunk, 0, read);
        }
    }
}
