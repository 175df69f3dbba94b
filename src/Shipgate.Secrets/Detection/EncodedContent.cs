using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

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
internal static partial class EncodedContent
{
    public const int MinBase64Length = 24;
    public const int MinHexLength = 32;
    public const int MinPercentLength = 6;

    private static readonly SearchValues<char> Base64Alphabet =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_");

    private static readonly bool[] AlphabetTable = Enumerable.Range(0, 128).Select(c => Base64Alphabet.Contains((char)c)).ToArray();

    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    // Characters that may appear in a URL component (RFC 3986 unreserved, sub-delims, ':', '@', '/', '?') and '%'.
    private static readonly SearchValues<char> UrlChars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@/?%");

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

    /// <summary>
    /// Bit i is set when <c>block[i]</c> is in the base64 alphabet (standard or URL-safe); 64 characters. Each 32 are
    /// narrowed to bytes first (characters above 255 become 255, which is not in the alphabet), so every test runs on
    /// 32 lanes at once.
    /// </summary>
    private static ulong AlphabetMask(ReadOnlySpan<ushort> block)
    {
        var limit = Vector256.Create((ushort)0xFF);
        var caseBit = Vector256.Create((byte)0x20);
        var lowerA = Vector256.Create((byte)'a');
        var zero = Vector256.Create((byte)'0');
        var letters = Vector256.Create((byte)25);
        var digits = Vector256.Create((byte)9);
        ulong mask = 0;
        for (var k = 0; k < 2; k++)
        {
            var low = Vector256.Min(Vector256.Create(block.Slice(k * 32, 16)), limit);
            var high = Vector256.Min(Vector256.Create(block.Slice((k * 32) + 16, 16)), limit);
            var chars = Vector256.Narrow(low, high);
            var letter = Vector256.LessThanOrEqual((chars | caseBit) - lowerA, letters);
            var digit = Vector256.LessThanOrEqual(chars - zero, digits);
            var symbol = Vector256.Equals(chars, Vector256.Create((byte)'+')) | Vector256.Equals(chars, Vector256.Create((byte)'/'))
                | Vector256.Equals(chars, Vector256.Create((byte)'-')) | Vector256.Equals(chars, Vector256.Create((byte)'_'));
            mask |= (ulong)(letter | digit | symbol).ExtractMostSignificantBits() << (k * 32);
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

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
