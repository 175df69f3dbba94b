using System.Buffers;
using System.Text;

namespace Shipgate.Core;

/// <summary>Turns bytes into text: UTF-8 (with or without BOM) or UTF-16 LE/BE with a BOM. Never throws on bad bytes.</summary>
public static class TextDecoder
{
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);
    private static readonly Encoding Utf16Le = new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: false);
    private static readonly Encoding Utf16Be = new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: false);

    public static bool HasUtf16Bom(ReadOnlySpan<byte> head) =>
        head.Length >= 2 && ((head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF));

    /// <summary>The encoding the head of a file implies and how many BOM bytes to skip.</summary>
    public static (Encoding Encoding, int BomLength) Detect(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF)
        {
            return (Utf8, 3);
        }

        if (head.Length >= 2 && head[0] == 0xFF && head[1] == 0xFE)
        {
            return (Utf16Le, 2);
        }

        if (head.Length >= 2 && head[0] == 0xFE && head[1] == 0xFF)
        {
            return (Utf16Be, 2);
        }

        return (Utf8, 0);
    }

    public static string Decode(ReadOnlySpan<byte> content)
    {
        var (encoding, bom) = Detect(content);
        return encoding.GetString(content[bom..]);
    }

    /// <summary>
    /// Like <see cref="Decode"/>, into a pooled buffer instead of a new string: for text read once and dropped, where
    /// allocating (and later collecting) a string per file costs more than decoding it.
    /// </summary>
    public static TextLease DecodePooled(ReadOnlySpan<byte> content)
    {
        var (encoding, bom) = Detect(content);
        var body = content[bom..];
        var buffer = ArrayPool<char>.Shared.Rent(Math.Max(1, encoding.GetMaxCharCount(body.Length)));
        return new TextLease(buffer, encoding.GetChars(body, buffer));
    }
}
