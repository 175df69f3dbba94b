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
        using var record = new MemoryStream();
        while (true)
        {
            var found = buffer.AsSpan(start, end - start).IndexOf(delimiter);
            if (found >= 0)
            {
                record.Write(buffer, start, found);
                start += found + 1;
                return record.ToArray();
            }

            record.Write(buffer, start, end - start);
            start = end;
            if (!Fill())
            {
                return record.Length > 0 ? record.ToArray() : null;
            }
        }
    }

    /// <summary><see cref="ReadRecord"/> decoded as UTF-8.</summary>
    public string? ReadText(byte delimiter) => ReadRecord(delimiter) is { } bytes ? Utf8.GetString(bytes) : null;

    /// <summary>Exactly <paramref name="count"/> bytes.</summary>
    public byte[] ReadBytes(int count)
    {
        var result = new byte[count];
        var filled = 0;
        while (filled < count)
        {
            if (start == end && !Fill())
            {
                throw new EndOfStreamException("git output ended early.");
            }

            var take = Math.Min(count - filled, end - start);
            Buffer.BlockCopy(buffer, start, result, filled, take);
            start += take;
            filled += take;
        }

        return result;
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
