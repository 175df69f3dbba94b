using System.Buffers;
using System.Text;

namespace Shipgate.Secrets.Detection;

/// <summary>Decoding runs, and the cheap checks that decide whether decoding is worth it.</summary>
internal static partial class EncodedContent
{
    private const double MinPrintableRatio = 0.9;
    private const int MinDecodedLength = 8;

    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

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

            return IsMostlyPrintable(bytes) ? Utf8.GetString(bytes) : null;
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
    /// 'A' to 'Z' or 'a' to 'f'. Three groups in four must look like that; the look stops at the first group too many
    /// that does not (most runs are identifiers, hashes and ids, which fail early).
    /// </summary>
    internal static bool Base64HasTextShape(ReadOnlySpan<char> run)
    {
        // The groups are those before the '=' padding, and a last lone character is not one.
        var body = run.TrimEnd('=');
        var groups = (Math.Min(body.Length, run.Length - 1) + 3) / 4;
        var allowed = groups - (groups * 3 / 4);
        for (var i = 0; i < body.Length && i + 1 < run.Length; i += 4)
        {
            if (run[i] is not ((>= 'A' and <= 'Z') or (>= 'a' and <= 'f')) && --allowed < 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Printable ASCII has a high nibble of 2 to 7 (tab, CR and LF are the rare exceptions): three pairs in four must
    /// look like that; the look stops at the first pair too many that does not.
    /// </summary>
    internal static bool HexHasTextShape(ReadOnlySpan<char> run)
    {
        var pairs = (run.Length + 1) / 2;
        var allowed = pairs - (run.Length / 2 * 3 / 4);
        for (var i = 0; i < run.Length; i += 2)
        {
            if (run[i] is not (>= '2' and <= '7') && --allowed < 0)
            {
                return false;
            }
        }

        return true;
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
}
