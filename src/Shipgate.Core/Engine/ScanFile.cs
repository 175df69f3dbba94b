using System.Buffers;

namespace Shipgate.Core;

/// <summary>
/// One input to scan: a file on disk, or bytes from elsewhere (standard input, a git blob, an archive entry).
/// Content is read lazily and cached, so several scanners claiming the same file read it once. Content read from disk
/// lives in a buffer rented from the shared pool until <see cref="ReleaseContent"/> (a fresh array per file, most of
/// them large-object-heap sized, cost a scan of many files a fifth of its time in collections and zeroing).
/// Not thread-safe for concurrent first reads from different threads; the engine gives each file to one task.
/// </summary>
public sealed class ScanFile
{
    /// <summary>Files up to this size are read whole when first sniffed (one open and one read instead of two).</summary>
    private const long SmallFileBytes = 1 << 20;

    /// <summary>Files up to this size are read whole at once, before sniffing: the read costs less than a second one.</summary>
    private const long TinyFileBytes = 64 << 10;

    /// <summary>How much of a file's head decides binary or text.</summary>
    private const int SniffBytes = 8192;

    private readonly Func<Stream> open;

    /// <summary>The content as an array of its exact length: given in memory, or asked for with <see cref="ReadAllBytes"/>.</summary>
    private byte[]? bytes;

    /// <summary>The content read from disk, the first <see cref="pooledLength"/> bytes of a buffer rented from the pool.</summary>
    private byte[]? pooled;
    private int pooledLength;
    private string? text;
    private bool? binary;

    private ScanFile(string displayPath, string relativePath, string? fullPath, long length, bool explicitlyGiven, Func<Stream> open)
    {
        DisplayPath = displayPath;
        RelativePath = relativePath;
        FullPath = fullPath;
        Length = length;
        ExplicitlyGiven = explicitlyGiven;
        this.open = open;
        Name = relativePath.Contains('/', StringComparison.Ordinal) ? relativePath[(relativePath.LastIndexOf('/') + 1)..] : relativePath;
    }

    /// <summary>The path shown in reports.</summary>
    public string DisplayPath { get; }

    /// <summary>The path relative to the scan root, forward slashes; used for claims and globs.</summary>
    public string RelativePath { get; }

    /// <summary>The file name, last segment of <see cref="RelativePath"/>.</summary>
    public string Name { get; }

    /// <summary>The absolute path on disk, or null for content that does not live in a file.</summary>
    public string? FullPath { get; }

    public long Length { get; }

    /// <summary>True when the user named this file on the command line (ignore files do not apply).</summary>
    public bool ExplicitlyGiven { get; }

    /// <summary>Extra facts carried into findings (a history scan's commit and author).</summary>
    public IReadOnlyDictionary<string, string>? Provenance { get; init; }

    public static ScanFile FromDisk(string fullPath, string displayPath, string relativePath, long length, bool explicitlyGiven = false) =>
        new(displayPath, relativePath, fullPath, length, explicitlyGiven,
            () => new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0));

    public static ScanFile FromBytes(string displayPath, byte[] content, string? relativePath = null) =>
        new(displayPath, relativePath ?? displayPath, null, content.LongLength, true, () => new MemoryStream(content, writable: false))
        {
            bytes = content,
        };

    /// <summary>
    /// The same input with <see cref="Provenance"/> set. The factories return instances, so an object initializer cannot
    /// set the init-only property from outside; sources (git history, staged changes) attach commit and author this way.
    /// </summary>
    public ScanFile WithProvenance(IReadOnlyDictionary<string, string>? provenance) =>
        new(DisplayPath, RelativePath, FullPath, Length, ExplicitlyGiven, open)
        {
            // A pooled buffer has one owner: the copy gets an array of its own.
            bytes = pooled is null ? bytes : ReadAllBytes(),
            text = text,
            binary = binary,
            Provenance = provenance,
        };

    /// <summary>Opens the raw content for streaming. The caller disposes the stream before the file's content is released.</summary>
    public Stream OpenRead() =>
        bytes is not null ? new MemoryStream(bytes, writable: false)
        : pooled is not null ? new MemoryStream(pooled, 0, pooledLength, writable: false)
        : open();

    /// <summary>The whole content. Callers that may meet very large files should stream with <see cref="OpenRead"/>.</summary>
    public byte[] ReadAllBytes()
    {
        if (bytes is null)
        {
            if (pooled is not null)
            {
                bytes = pooled.AsSpan(0, pooledLength).ToArray();
                ReturnPooled();
            }
            else
            {
                using var stream = open();
                bytes = ReadRest(stream, [], Length);
            }
        }

        return bytes;
    }

    /// <summary>
    /// Drops the cached bytes and text once every scanner is done with the file, so a scan of many files holds only the
    /// files in flight (the content can still be read again; it is then read from its source).
    /// </summary>
    public void ReleaseContent()
    {
        if (FullPath is not null)
        {
            bytes = null;
        }

        ReturnPooled();
        text = null;
    }

    /// <summary>The content decoded as text (BOM-aware; invalid bytes become U+FFFD, never an exception).</summary>
    public string ReadAllText() => text ??= TextDecoder.Decode(Content());

    /// <summary>
    /// The content decoded as <see cref="ReadAllText"/> does, for a scanner that reads the text once and keeps nothing
    /// of it: the text another scanner cached already, else the bytes decoded into a pooled buffer, so no string of the
    /// whole file is allocated (on a large tree those allocations and the collections they cause cost more than the
    /// decoding). Dispose the lease when done.
    /// </summary>
    public TextLease LeaseText() => text is not null ? new TextLease(text.AsMemory()) : TextDecoder.DecodePooled(Content());

    /// <summary>True when the first 8 KiB hold a NUL byte and no UTF-16 byte-order mark.</summary>
    public bool IsBinary
    {
        get
        {
            if (binary is not null)
            {
                return binary.Value;
            }

            if (bytes is null && pooled is null && Length <= TinyFileBytes)
            {
                // A small file is read whole at once, binary or not (the content is released with the file).
                using var stream = open();
                ReadWhole(stream, []);
            }

            if (bytes is not null || pooled is not null)
            {
                var content = Content();
                binary = BinarySniffer.LooksBinary(content[..Math.Min(content.Length, SniffBytes)]);
                return binary.Value;
            }

            using (var stream = open())
            {
                Span<byte> head = stackalloc byte[SniffBytes];
                var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
                binary = BinarySniffer.LooksBinary(head[..read]);
                if (binary == false && Length <= SmallFileBytes)
                {
                    // A small text file is read whole now, from the same handle: scanners then read it from memory.
                    ReadWhole(stream, head[..read]);
                }
            }

            return binary.Value;
        }
    }

    /// <summary>The whole content, read into a pooled buffer when it is not in memory yet.</summary>
    private ReadOnlySpan<byte> Content()
    {
        if (bytes is not null)
        {
            return bytes;
        }

        if (pooled is null)
        {
            using var stream = open();
            ReadWhole(stream, []);
        }

        return bytes ?? pooled.AsSpan(0, pooledLength);
    }

    /// <summary>
    /// Reads the rest of a stream of which <paramref name="head"/> was read already into a buffer from the pool, sized for
    /// the listed length plus one byte, so the read that fills it up to the end also proves the end. A file that grew
    /// past the buffer since it was listed is read whole into an array instead.
    /// </summary>
    private void ReadWhole(Stream stream, ReadOnlySpan<byte> head)
    {
        if (head.Length > Length || Length >= Array.MaxLength)
        {
            bytes = ReadRest(stream, head, Length);
            return;
        }

        var buffer = ArrayPool<byte>.Shared.Rent((int)Length + 1);
        head.CopyTo(buffer);
        var length = head.Length + stream.ReadAtLeast(buffer.AsSpan(head.Length), buffer.Length - head.Length, throwOnEndOfStream: false);
        if (length < buffer.Length)
        {
            pooled = buffer;
            pooledLength = length;
            return;
        }

        bytes = ReadRest(stream, buffer.AsSpan(0, length), Length);
        ArrayPool<byte>.Shared.Return(buffer);
    }

    private void ReturnPooled()
    {
        if (pooled is not null)
        {
            ArrayPool<byte>.Shared.Return(pooled);
            pooled = null;
            pooledLength = 0;
        }
    }

    /// <summary>
    /// The whole content of a stream of which <paramref name="head"/> was read already, in an array of the expected
    /// length (one allocation, no intermediate copy); a file that changed size since it was listed is still read whole.
    /// </summary>
    private static byte[] ReadRest(Stream stream, ReadOnlySpan<byte> head, long expected)
    {
        if (head.Length <= expected && expected <= Array.MaxLength)
        {
            var buffer = new byte[expected];
            head.CopyTo(buffer);
            var length = head.Length + stream.ReadAtLeast(buffer.AsSpan(head.Length), buffer.Length - head.Length, throwOnEndOfStream: false);
            Span<byte> probe = stackalloc byte[1];
            if (length == buffer.Length && stream.Read(probe) == 0)
            {
                return buffer;
            }

            using var grown = new MemoryStream();
            grown.Write(buffer, 0, length);
            if (length == buffer.Length)
            {
                grown.Write(probe);
                stream.CopyTo(grown);
            }

            return grown.ToArray();
        }

        using var rest = new MemoryStream();
        rest.Write(head);
        stream.CopyTo(rest);
        return rest.ToArray();
    }
}
