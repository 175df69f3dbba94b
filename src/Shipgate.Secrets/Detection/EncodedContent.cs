using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;

namespace Shipgate.Secrets.Detection;

/// <summary>The encodings the detector looks inside.</summary>
internal enum EncodingKind
{
    Base64,
    Hex,
    Percent,
}

/// <summary>A run of text that looks encoded: where it is and how to decode it.</summary>
internal readonly record struct EncodedRun(int Start, int Length, EncodingKind Kind);

/// <summary>
/// Finds base64 (standard and URL-safe, at least 24 characters), hex (at least 32) and percent-encoded runs,
/// and decodes them when the result is mostly printable text. Stateless and thread-safe.
/// </summary>
internal static class EncodedContent
{
    public const int MinBase64Length = 24;
    public const int MinHexLength = 32;
    public const int MinPercentLength = 6;

    private const double MinPrintableRatio = 0.9;
    private const int MinDecodedLength = 8;

    private static readonly SearchValues<char> Base64Alphabet =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_");

    private static readonly bool[] AlphabetTable = Enumerable.Range(0, 128).Select(c => Base64Alphabet.Contains((char)c)).ToArray();

    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    // Characters that may appear in a URL component (RFC 3986 unreserved, sub-delims, ':', '@', '/', '?') and '%'.
    private static readonly SearchValues<char> UrlChars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@/?%");

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    public static string Name(EncodingKind kind) => kind switch
    {
        EncodingKind.Base64 => "base64",
        EncodingKind.Hex => "hex",
        EncodingKind.Percent => "percent",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>
    /// Adds to <paramref name="runs"/> the encoded runs of <paramref name="text"/> that start in
    /// [<paramref name="ownStart"/>, <paramref name="ownEnd"/>) (offsets relative to <paramref name="text"/>)
    /// and are at most <paramref name="maxLength"/> long.
    /// </summary>
    public static void FindRuns(ReadOnlySpan<char> text, int ownStart, int ownEnd, int maxLength, List<EncodedRun> runs)
    {
        FindAlphabetRuns(text, ownStart, ownEnd, maxLength, runs);
        FindPercentRuns(text, ownStart, ownEnd, maxLength, runs);
    }

    /// <summary>The decoded text of a run, or null when it does not decode or is not mostly printable text.</summary>
    public static string? TryDecode(ReadOnlySpan<char> run, EncodingKind kind)
    {
        if (!HasTextShape(run, kind))
        {
            return null;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(run.Length);
        try
        {
            var length = kind switch
            {
                EncodingKind.Base64 => DecodeBase64(run, buffer),
                EncodingKind.Hex => DecodeHex(run, buffer),
                EncodingKind.Percent => DecodePercent(run, buffer),
                _ => -1,
            };
            if (length < MinDecodedLength)
            {
                return null;
            }

            var bytes = buffer.AsSpan(0, length);
            if (kind == EncodingKind.Percent && !System.Text.Unicode.Utf8.IsValid(bytes))
            {
                return null; // escapes of stray high bytes are printf formats, not encoded text
            }

            return IsMostlyPrintable(bytes) ? StrictUtf8.GetString(bytes) : null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// A cheap look at the encoded characters that rejects most runs which cannot decode to ASCII text, before decoding:
    /// identifiers, paths, hashes and printf formats are far more common than encoded text.
    /// </summary>
    private static bool HasTextShape(ReadOnlySpan<char> run, EncodingKind kind) => kind switch
    {
        EncodingKind.Base64 => Base64HasTextShape(run),
        EncodingKind.Hex => HexHasTextShape(run),
        EncodingKind.Percent => PercentHasTextShape(run),
        _ => false,
    };

    /// <summary>
    /// An ASCII byte is below 0x80, so the first character of each 4-character group encodes a value below 32:
    /// 'A' to 'Z' or 'a' to 'f'. Three groups in four must look like that.
    /// </summary>
    private static bool Base64HasTextShape(ReadOnlySpan<char> run)
    {
        var groups = 0;
        var textLike = 0;
        for (var i = 0; i + 1 < run.Length && run[i] != '='; i += 4)
        {
            groups++;
            if (run[i] is (>= 'A' and <= 'Z') or (>= 'a' and <= 'f'))
            {
                textLike++;
            }
        }

        return textLike >= groups * 3 / 4;
    }

    /// <summary>Printable ASCII has a high nibble of 2 to 7 (tab, CR and LF are the rare exceptions).</summary>
    private static bool HexHasTextShape(ReadOnlySpan<char> run)
    {
        var textLike = 0;
        for (var i = 0; i < run.Length; i += 2)
        {
            if (run[i] is >= '2' and <= '7')
            {
                textLike++;
            }
        }

        return textLike >= run.Length / 2 * 3 / 4;
    }

    /// <summary>
    /// Escapes of control characters (other than tab and line breaks) come from printf formats and modulo arithmetic
    /// (<c>%02x</c>, <c>%100</c>), not from encoders; stray high bytes (<c>%de</c>) are caught later as invalid UTF-8.
    /// </summary>
    private static bool PercentHasTextShape(ReadOnlySpan<char> run)
    {
        for (var i = 0; i + 2 < run.Length; i++)
        {
            if (run[i] != '%' || !HexDigits.Contains(run[i + 1]) || !HexDigits.Contains(run[i + 2]))
            {
                continue;
            }

            var value = (HexValue(run[i + 1]) << 4) | HexValue(run[i + 2]);
            if ((value < 0x20 && value is not ('\t' or '\n' or '\r')) || value == 0x7F)
            {
                return false;
            }

            i += 2;
        }

        return true;
    }

    /// <summary>At least 90% of the bytes are printable text (valid UTF-8, no control characters except tab and line breaks).</summary>
    private static bool IsMostlyPrintable(ReadOnlySpan<byte> bytes)
    {
        var good = 0;
        var position = 0;
        while (position < bytes.Length)
        {
            var status = Rune.DecodeFromUtf8(bytes[position..], out var rune, out var consumed);
            if (status == OperationStatus.Done && (!Rune.IsControl(rune) || rune.Value is '\t' or '\n' or '\r'))
            {
                good += consumed;
            }

            position += Math.Max(consumed, 1);
        }

        return good >= bytes.Length * MinPrintableRatio;
    }

    private static void FindAlphabetRuns(ReadOnlySpan<char> text, int ownStart, int ownEnd, int maxLength, List<EncodedRun> runs)
    {
        var position = ownStart;
        if (position > 0 && position < text.Length && InAlphabet(text[position - 1]))
        {
            // A run that started before the owned range belongs to whoever owns its start.
            var rest = text[position..].IndexOfAnyExcept(Base64Alphabet);
            position = rest < 0 ? text.Length : position + rest;
        }

        var searchable = text[..Math.Min(text.Length, ownEnd + MinBase64Length - 1)];
        while (position < ownEnd)
        {
            var start = NextLongRun(searchable, position);
            if (start < 0 || start >= ownEnd)
            {
                return;
            }

            var length = text[start..].IndexOfAnyExcept(Base64Alphabet);
            var end = length < 0 ? text.Length : start + length;
            var padded = end;
            while (padded < text.Length && padded - end < 2 && text[padded] == '=')
            {
                padded++;
            }

            position = padded;
            if (start >= ownEnd || (start > 0 && text[start - 1] == '%') || padded - start > maxLength)
            {
                continue; // not ours, the tail of a percent escape (the percent finder's), or too long to be a secret
            }

            var body = text[start..end];
            if (body.IndexOfAnyExcept(HexDigits) < 0)
            {
                if (padded == end && body.Length >= MinHexLength && body.Length % 2 == 0)
                {
                    runs.Add(new EncodedRun(start, body.Length, EncodingKind.Hex));
                }

                continue;
            }

            runs.Add(new EncodedRun(start, padded - start, EncodingKind.Base64));
        }
    }

    /// <summary>
    /// Where the first run of at least <see cref="MinBase64Length"/> alphabet characters at or after
    /// <paramref name="from"/> starts, or -1. The caller guarantees that <paramref name="from"/> does not continue a run
    /// (it is 0, or it or the character before it is outside the alphabet). Vectorised: 64 characters become a bit mask,
    /// and runs are found with shifts, carrying the run length across blocks.
    /// </summary>
    internal static int NextLongRun(ReadOnlySpan<char> text, int from)
    {
        var position = from;
        var carry = 0; // alphabet characters immediately before `position`
        if (Vector256.IsHardwareAccelerated)
        {
            var units = MemoryMarshal.Cast<char, ushort>(text);
            for (; position + 64 <= text.Length; position += 64)
            {
                var mask = AlphabetMask(units.Slice(position, 64));
                var leading = BitOperations.TrailingZeroCount(~mask); // alphabet characters at the start of the block
                if (carry + leading >= MinBase64Length)
                {
                    return position - carry;
                }

                // Bit j of `runs` is set when characters j..j+23 of the block are all in the alphabet.
                var two = mask & (mask >> 1);
                var four = two & (two >> 2);
                var eight = four & (four >> 4);
                var sixteen = eight & (eight >> 8);
                var runs = sixteen & (eight >> 16);
                if (runs != 0)
                {
                    return position + BitOperations.TrailingZeroCount(runs);
                }

                carry = mask == ulong.MaxValue ? carry + 64 : BitOperations.LeadingZeroCount(~mask);
            }
        }

        for (; position < text.Length; position++)
        {
            carry = InAlphabet(text[position]) ? carry + 1 : 0;
            if (carry == MinBase64Length)
            {
                return position - MinBase64Length + 1;
            }
        }

        return -1;
    }

    /// <summary>Bit i is set when <c>block[i]</c> is in the base64 alphabet (standard or URL-safe); 64 characters.</summary>
    private static ulong AlphabetMask(ReadOnlySpan<ushort> block)
    {
        var caseBit = Vector256.Create((ushort)0x20);
        var lowerA = Vector256.Create((ushort)'a');
        var zero = Vector256.Create((ushort)'0');
        var letters = Vector256.Create((ushort)25);
        var digits = Vector256.Create((ushort)9);
        ulong mask = 0;
        for (var k = 0; k < 4; k++)
        {
            var chars = Vector256.Create(block.Slice(k * 16, 16));
            var letter = Vector256.LessThanOrEqual((chars | caseBit) - lowerA, letters);
            var digit = Vector256.LessThanOrEqual(chars - zero, digits);
            var symbol = Vector256.Equals(chars, Vector256.Create((ushort)'+')) | Vector256.Equals(chars, Vector256.Create((ushort)'/'))
                | Vector256.Equals(chars, Vector256.Create((ushort)'-')) | Vector256.Equals(chars, Vector256.Create((ushort)'_'));
            mask |= (ulong)(letter | digit | symbol).ExtractMostSignificantBits() << (k * 16);
        }

        return mask;
    }

    private static bool InAlphabet(char c) => c < 128 && AlphabetTable[c];

    private static void FindPercentRuns(ReadOnlySpan<char> text, int ownStart, int ownEnd, int maxLength, List<EncodedRun> runs)
    {
        var position = 0;
        var lastEnd = -1;
        while (position < text.Length)
        {
            var next = text[position..].IndexOf('%');
            if (next < 0)
            {
                return;
            }

            var percent = position + next;
            position = percent + 1;
            if (percent + 2 >= text.Length || !HexDigits.Contains(text[percent + 1]) || !HexDigits.Contains(text[percent + 2]))
            {
                continue;
            }

            var before = text[..percent].LastIndexOfAnyExcept(UrlChars);
            var start = Math.Max(before + 1, lastEnd);
            var after = text[percent..].IndexOfAnyExcept(UrlChars);
            var end = after < 0 ? text.Length : percent + after;
            position = end;
            lastEnd = end;
            if (start < ownStart || start >= ownEnd)
            {
                if (start >= ownEnd)
                {
                    return;
                }

                continue;
            }

            if (end - start >= MinPercentLength && end - start <= maxLength)
            {
                runs.Add(new EncodedRun(start, end - start, EncodingKind.Percent));
            }
        }
    }

    /// <summary>Decodes standard or URL-safe base64, padded or not, into <paramref name="output"/>; -1 when invalid.</summary>
    private static int DecodeBase64(ReadOnlySpan<char> run, byte[] output)
    {
        var body = run.TrimEnd('=');
        if (body.ContainsAny('+', '/') && body.ContainsAny('-', '_'))
        {
            return -1;
        }

        var usable = body.Length % 4 == 1 ? body.Length - 1 : body.Length;
        var padded = (usable + 3) / 4 * 4;
        var buffer = ArrayPool<char>.Shared.Rent(padded);
        try
        {
            for (var i = 0; i < usable; i++)
            {
                buffer[i] = body[i] switch
                {
                    '-' => '+',
                    '_' => '/',
                    var c => c,
                };
            }

            buffer.AsSpan(usable, padded - usable).Fill('=');
            return Convert.TryFromBase64Chars(buffer.AsSpan(0, padded), output, out var written) ? written : -1;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private static int DecodeHex(ReadOnlySpan<char> run, byte[] output) =>
        Convert.FromHexString(run, output, out _, out var written) == OperationStatus.Done ? written : -1;

    private static int DecodePercent(ReadOnlySpan<char> run, byte[] output)
    {
        var length = 0;
        var escapes = 0;
        for (var i = 0; i < run.Length; i++)
        {
            if (run[i] == '%' && i + 2 < run.Length && HexDigits.Contains(run[i + 1]) && HexDigits.Contains(run[i + 2]))
            {
                output[length++] = (byte)((HexValue(run[i + 1]) << 4) | HexValue(run[i + 2]));
                escapes++;
                i += 2;
            }
            else
            {
                output[length++] = (byte)run[i];
            }
        }

        return escapes == 0 ? -1 : length;
    }

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
