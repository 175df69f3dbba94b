using System.Text;
using System.Text.Json;

namespace Shipgate.Secrets.Detection;

/// <summary>
/// The checksums and encodings that provider token formats embed, so rules can reject look-alikes
/// offline: CRC-32 (IEEE 802.3, reflected polynomial <c>0xEDB88320</c>) plus the base-N spellings providers
/// use for it, and tolerant base64 decoding for structural checks. Pure functions; thread-safe.
/// </summary>
public static class Checksums
{
    /// <summary>Digits, then upper case, then lower case: the base62 digit order GitHub and npm use.</summary>
    public const string Base62Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /// <summary>Lower-case base36, as Ruby's <c>Integer#to_s(36)</c> writes it (GitLab routable tokens).</summary>
    public const string Base36Alphabet = "0123456789abcdefghijklmnopqrstuvwxyz";

    private static readonly uint[] Crc32Table = BuildCrc32Table();

    /// <summary>CRC-32/IEEE of the low byte of each character (token formats are ASCII).</summary>
    public static uint Crc32(ReadOnlySpan<char> ascii)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var c in ascii)
        {
            crc = (crc >> 8) ^ Crc32Table[(crc ^ (byte)c) & 0xFF];
        }

        return ~crc;
    }

    /// <summary>CRC-32/IEEE of raw bytes.</summary>
    public static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc = (crc >> 8) ^ Crc32Table[(crc ^ b) & 0xFF];
        }

        return ~crc;
    }

    /// <summary><paramref name="value"/> in base62, left-padded with <c>0</c> to <paramref name="width"/> digits.</summary>
    public static string ToBase62(uint value, int width) => ToBase(value, width, Base62Alphabet);

    /// <summary><paramref name="value"/> in lower-case base36, left-padded with <c>0</c> to <paramref name="width"/> digits.</summary>
    public static string ToBase36(uint value, int width) => ToBase(value, width, Base36Alphabet);

    /// <summary>
    /// GitHub's checksum for the 30 random characters of a classic token (<c>ghp_</c>, <c>gho_</c>, <c>ghu_</c>,
    /// <c>ghs_</c>, <c>ghr_</c>): CRC-32 of the random part as six base62 digits.
    /// </summary>
    public static string GitHubChecksum(ReadOnlySpan<char> random) => ToBase62(Crc32(random), 6);

    /// <summary>
    /// True when a <c>prefix_</c> + 36-character GitHub token carries the right checksum in its last six characters.
    /// GitHub publishes the scheme but not the digit order of its base62; scanners and libraries use digits-upper-lower,
    /// a few digits-lower-upper, so both spellings are accepted (still a 1-in-2^31 chance for a random string).
    /// </summary>
    public static bool IsValidGitHubChecksum(string token)
    {
        var underscore = token.IndexOf('_', StringComparison.Ordinal);
        if (underscore < 0 || token.Length - underscore - 1 != 36)
        {
            return false;
        }

        var body = token.AsSpan(underscore + 1);
        var expected = GitHubChecksum(body[..30]);
        return body[30..].SequenceEqual(expected) || body[30..].SequenceEqual(SwapCase(expected));
    }

    /// <summary>
    /// Validates a GitLab routable token: <c>prefix + base64url(payload) + "." [+ version + "."] + length(2 base36) + crc(7 base36)</c>,
    /// where the CRC-32 covers everything before it, prefix included, and the length is that of the base64 payload.
    /// <paramref name="prefixLength"/> is the length of the fixed prefix (<c>glpat-</c> is 6).
    /// </summary>
    public static bool IsValidGitLabRoutableToken(string token, int prefixLength)
    {
        if (token.Length < prefixLength + 12)
        {
            return false;
        }

        var crc = token.AsSpan(token.Length - 7);
        if (!crc.SequenceEqual(ToBase36(Crc32(token.AsSpan(0, token.Length - 7)), 7)))
        {
            return false;
        }

        var firstDot = token.IndexOf('.', prefixLength);
        if (firstDot < 0)
        {
            return false;
        }

        var declared = FromBase36(token.AsSpan(token.Length - 9, 2));
        var payloadLength = firstDot - prefixLength;
        var runnerSubPrefix = payloadLength > 3 && token[prefixLength] == 't' && char.IsAsciiDigit(token[prefixLength + 1])
            && token[prefixLength + 2] == '_';
        return declared == payloadLength || (runnerSubPrefix && declared == payloadLength - 3);
    }

    /// <summary>
    /// Grafana's checksum for a prefixed key (<c>glsa_</c> service-account tokens): CRC-32 of <c>prefix + secret</c>,
    /// its four bytes little-endian, as eight lower-case hex digits.
    /// </summary>
    public static string GrafanaChecksum(ReadOnlySpan<char> keyWithoutChecksum)
    {
        var crc = Crc32(keyWithoutChecksum);
        Span<byte> bytes = [(byte)crc, (byte)(crc >> 8), (byte)(crc >> 16), (byte)(crc >> 24)];
        return Convert.ToHexStringLower(bytes);
    }

    /// <summary>True when a <c>glsa_&lt;32&gt;_&lt;8 hex&gt;</c> token's last segment is the checksum of the rest.</summary>
    public static bool IsValidGrafanaChecksum(string token)
    {
        var last = token.LastIndexOf('_');
        return last > 0 && token.Length - last - 1 == 8
            && string.Equals(token[(last + 1)..], GrafanaChecksum(token.AsSpan(0, last)), StringComparison.Ordinal);
    }

    /// <summary>Decodes standard or URL-safe base64, with or without padding. False on anything else.</summary>
    public static bool TryDecodeBase64(ReadOnlySpan<char> text, out byte[] bytes)
    {
        bytes = [];
        if (text.IsEmpty)
        {
            return false;
        }

        var builder = new StringBuilder(text.Length + 3);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '-' => '+',
                '_' => '/',
                _ => c,
            });
        }

        while (builder.Length % 4 != 0)
        {
            builder.Append('=');
        }

        var buffer = new byte[builder.Length / 4 * 3];
        if (!Convert.TryFromBase64String(builder.ToString(), buffer, out var written))
        {
            return false;
        }

        bytes = buffer[..written];
        return true;
    }

    /// <summary>True when <paramref name="text"/> is base64 (either alphabet) of a JSON object.</summary>
    public static bool IsBase64JsonObject(ReadOnlySpan<char> text, params ReadOnlySpan<string> requiredProperties)
    {
        if (!TryDecodeBase64(text, out var bytes))
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(bytes);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            foreach (var property in requiredProperties)
            {
                if (!document.RootElement.TryGetProperty(property, out _))
                {
                    return false;
                }
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Number of bytes <paramref name="text"/> decodes to as base64, or -1 when it is not base64.</summary>
    public static int DecodedLength(ReadOnlySpan<char> text) => TryDecodeBase64(text, out var bytes) ? bytes.Length : -1;

    private static string ToBase(uint value, int width, string alphabet)
    {
        var radix = (uint)alphabet.Length;
        Span<char> digits = stackalloc char[16];
        var position = digits.Length;
        do
        {
            digits[--position] = alphabet[(int)(value % radix)];
            value /= radix;
        }
        while (value > 0);

        var text = new string(digits[position..]);
        return text.Length >= width ? text : text.PadLeft(width, '0');
    }

    private static string SwapCase(string text) =>
        string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = char.IsAsciiLetterUpper(c) ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c);
            }
        });

    private static int FromBase36(ReadOnlySpan<char> digits)
    {
        var value = 0;
        foreach (var c in digits)
        {
            var digit = Base36Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (digit < 0)
            {
                return -1;
            }

            value = (value * 36) + digit;
        }

        return value;
    }

    private static uint[] BuildCrc32Table()
    {
        var table = new uint[256];
        for (var n = 0u; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
