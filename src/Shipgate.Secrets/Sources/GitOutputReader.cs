using System.Text;

namespace Shipgate.Secrets.Sources;

/// <summary>
/// Buffered reading of git's byte output: records ending in a delimiter (LF or NUL, never CR), and fixed-size
/// payloads (<c>cat-file --batch</c>). Paths and names are decoded as UTF-8 without throwing. Not thread-safe.
/// </summary>
internal sealed class GitOutputReader
{
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    private readonly Stream stream;
    private readonly byte[] buffer = new byte[1 << 16];
    private int start;
    private int end;

    public GitOutputReader(Stream stream)
    {
        this.stream = stream;
    }

    /// <summary>The bytes before the next <paramref name="delimiter"/> (which is consumed), or null at the end.</summary>
    public byte[]? ReadRecord(byte delimiter)
    {
        // Fast path: the whole record is in the buffer already (almost always: git's records are short).
        var found = buffer.AsSpan(start, end - start).IndexOf(delimiter);
        if (found >= 0)
        {
            var record = buffer.AsSpan(start, found).ToArray();
            start += found + 1;
            return record;
        }

        using var longRecord = new MemoryStream();
        while (true)
        {
            found = buffer.AsSpan(start, end - start).IndexOf(delimiter);
            if (found >= 0)
            {
                longRecord.Write(buffer, start, found);
                start += found + 1;
                return longRecord.ToArray();
            }

            longRecord.Write(buffer, start, end - start);
            start = end;
            if (!Fill())
            {
                return longRecord.Length > 0 ? longRecord.ToArray() : null;
            }
        }
    }

    /// <summary><see cref="ReadRecord"/> decoded as UTF-8.</summary>
    public string? ReadText(byte delimiter) => ReadRecord(delimiter) is { } bytes ? Utf8.GetString(bytes) : null;

    /// <summary>
    /// Exactly <paramref name="count"/> bytes. What is buffered is copied once; the rest is read from the stream
    /// straight into the result, so a large payload is not copied twice.
    /// </summary>
    public byte[] ReadBytes(int count)
    {
        var result = GC.AllocateUninitializedArray<byte>(count);
        var filled = Math.Min(count, end - start);
        buffer.AsSpan(start, filled).CopyTo(result);
        start += filled;
        while (filled < count)
        {
            if (count - filled >= buffer.Length)
            {
                var read = stream.Read(result, filled, count - filled);
                if (read == 0)
                {
                    throw new EndOfStreamException("git output ended early.");
                }

                filled += read;
                continue;
            }

            if (!Fill())
            {
                throw new EndOfStreamException("git output ended early.");
            }

            var take = Math.Min(count - filled, end - start);
            buffer.AsSpan(start, take).CopyTo(result.AsSpan(filled));
            start += take;
            filled += take;
        }

        return result;
    }

    /// <summary>
    /// Up to <paramref name="count"/> (at most 64 KiB) next bytes without consuming them; fewer only at the end of the
    /// output. Lets a caller look at a payload's head (binary or text?) before deciding to read or skip it.
    /// </summary>
    public ReadOnlySpan<byte> Peek(int count)
    {
        count = Math.Min(count, buffer.Length);
        if (end - start < count)
        {
            Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
            while (end < count)
            {
                var read = stream.Read(buffer, end, buffer.Length - end);
                if (read == 0)
                {
                    break;
                }

                end += read;
            }
        }

        return buffer.AsSpan(start, Math.Min(count, end - start));
    }

    /// <summary>Discards exactly <paramref name="count"/> bytes.</summary>
    public void Skip(long count)
    {
        while (count > 0)
        {
            if (start == end && !Fill())
            {
                throw new EndOfStreamException("git output ended early.");
            }

            var take = (int)Math.Min(count, end - start);
            start += take;
            count -= take;
        }
    }

    public static string Decode(ReadOnlySpan<byte> bytes) => Utf8.GetString(bytes);

    private bool Fill()
    {
        start = 0;
        end = stream.Read(buffer, 0, buffer.Length);
        return end > 0;
    }
}
