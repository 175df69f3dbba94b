namespace Shipgate.Secrets.Detection;

/// <summary>
/// The checksum scheme of npm (and GitHub-style) tokens: CRC-32 (IEEE 802.3, reflected polynomial
/// <c>0xEDB88320</c>) of the random part, written as six base62 digits (<c>0-9A-Za-z</c>), left-padded with <c>0</c>.
/// A random string passes by chance about once in four billion, so a match is almost certainly a real token.
/// The arithmetic lives in <see cref="Checksums"/>; this names the npm scheme.
/// </summary>
public static class Crc32Base62
{
    /// <summary>The base62 digit order used by the token formats: digits, then upper case, then lower case.</summary>
    public const string Alphabet = Checksums.Base62Alphabet;

    /// <summary>Number of base62 digits that hold a 32-bit checksum (62^6 &gt; 2^32).</summary>
    public const int ChecksumLength = 6;

    /// <summary>CRC-32/IEEE of the ASCII bytes of <paramref name="text"/> (non-ASCII characters make the text invalid for tokens anyway).</summary>
    public static uint Crc32(ReadOnlySpan<char> text) => Checksums.Crc32(text);

    /// <summary><paramref name="value"/> as exactly <see cref="ChecksumLength"/> base62 digits.</summary>
    public static string Encode(uint value) => Checksums.ToBase62(value, ChecksumLength);

    /// <summary>The six-character checksum that a token with random part <paramref name="payload"/> ends with.</summary>
    public static string ChecksumOf(ReadOnlySpan<char> payload) => Encode(Crc32(payload));

    /// <summary>True when the last six characters of <paramref name="body"/> are the checksum of the characters before them.</summary>
    public static bool HasValidChecksum(ReadOnlySpan<char> body) =>
        body.Length > ChecksumLength && body[^ChecksumLength..].SequenceEqual(ChecksumOf(body[..^ChecksumLength]));
}
