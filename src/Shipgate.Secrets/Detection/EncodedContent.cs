using System.Buffers;
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

    /// <summary>The decoded text of a run, or null when it does not decode or is not mostly printable.</summary>
    public static string? TryDecode(ReadOnlySpan<char> run, EncodingKind kind)
    {
        var bytes = kind switch
        {
            EncodingKind.Base64 => DecodeBase64(run),
            EncodingKind.Hex => DecodeHex(run),
            EncodingKind.Percent => DecodePercent(run),
            _ => null,
        };
        if (bytes is null || bytes.Length < MinDecodedLength)
        {
            return null;
        }

        var text = StrictUtf8.GetString(bytes);
        var printable = 0;
        foreach (var c in text)
        {
            if (c is '\t' or '\r' or '\n' || (!char.IsControl(c) && c != '\uFFFD'))
            {
                printable++;
            }
        }

        return printable >= text.Length * MinPrintableRatio ? text : null;
    }

    private static void FindAlphabetRuns(ReadOnlySpan<char> text, int ownStart, int ownEnd, int maxLength, List<EncodedRun> runs)
    {
        var position = ownStart;
        if (position > 0 && position < text.Length && Base64Alphabet.Contains(text[position - 1]))
        {
            // A run that started before the owned range belongs to whoever owns its start.
            var rest = text[position..].IndexOfAnyExcept(Base64Alphabet);
            position = rest < 0 ? text.Length : position + rest;
        }

        while (position < ownEnd)
        {
            var next = text[position..ownEnd].IndexOfAny(Base64Alphabet);
            if (next < 0)
            {
                return;
            }

            var start = position + next;
            var length = text[start..].IndexOfAnyExcept(Base64Alphabet);
            var end = length < 0 ? text.Length : start + length;
            var padded = end;
            while (padded < text.Length && padded - end < 2 && text[padded] == '=')
            {
                padded++;
            }

            position = padded;
            if (start > 0 && text[start - 1] == '%')
            {
                continue; // the tail of a percent escape, handled by the percent finder
            }

            var body = text[start..end];
            if (body.Length < MinBase64Length || padded - start > maxLength)
            {
                continue;
            }

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

    private static byte[]? DecodeBase64(ReadOnlySpan<char> run)
    {
        var body = run.TrimEnd('=');
        var standard = body.ContainsAny('+', '/');
        var urlSafe = body.ContainsAny('-', '_');
        if (standard && urlSafe)
        {
            return null;
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
            var bytes = new byte[padded / 4 * 3];
            return Convert.TryFromBase64Chars(buffer.AsSpan(0, padded), bytes, out var written) ? bytes[..written] : null;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private static byte[]? DecodeHex(ReadOnlySpan<char> run)
    {
        var bytes = new byte[run.Length / 2];
        return Convert.FromHexString(run, bytes, out _, out var written) == OperationStatus.Done ? bytes[..written] : null;
    }

    private static byte[]? DecodePercent(ReadOnlySpan<char> run)
    {
        var bytes = new List<byte>(run.Length);
        var escapes = 0;
        for (var i = 0; i < run.Length; i++)
        {
            if (run[i] == '%' && i + 2 < run.Length
                && HexDigits.Contains(run[i + 1]) && HexDigits.Contains(run[i + 2]))
            {
                bytes.Add((byte)((HexValue(run[i + 1]) << 4) | HexValue(run[i + 2])));
                escapes++;
                i += 2;
            }
            else
            {
                bytes.Add((byte)run[i]);
            }
        }

        return escapes == 0 ? null : [.. bytes];
    }

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
