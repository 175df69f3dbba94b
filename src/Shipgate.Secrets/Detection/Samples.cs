using System.Security.Cryptography;
using System.Text;

namespace Shipgate.Secrets.Detection;

/// <summary>
/// Generates secret-shaped sample values at test time, so no realistic token is ever committed.
/// Uses a cryptographic RNG: samples differ on every run, which keeps rules honest about their patterns.
/// </summary>
public static class Samples
{
    public const string Digits = "0123456789";
    public const string LowerHex = "0123456789abcdef";
    public const string UpperHex = "0123456789ABCDEF";
    public const string Lower = "abcdefghijklmnopqrstuvwxyz";
    public const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    public const string AlphaNumericChars = Upper + Lower + Digits;
    public const string LowerAlphaNumericChars = Lower + Digits;
    public const string UpperAlphaNumericChars = Upper + Digits;
    public const string Base64Chars = AlphaNumericChars + "+/";
    public const string Base64UrlChars = AlphaNumericChars + "-_";
    public const string Base62Chars = Digits + Upper + Lower;

    public static string From(string alphabet, int length)
    {
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            builder.Append(alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)]);
        }

        return builder.ToString();
    }

    public static string AlphaNumeric(int length) => From(AlphaNumericChars, length);

    public static string LowerAlphaNumeric(int length) => From(LowerAlphaNumericChars, length);

    public static string UpperAlphaNumeric(int length) => From(UpperAlphaNumericChars, length);

    public static string Hex(int length) => From(LowerHex, length);

    public static string Base64Url(int length) => From(Base64UrlChars, length);

    public static string Base64(int length) => From(Base64Chars, length);

    /// <summary>Random bytes, base64-encoded with padding.</summary>
    public static string Base64OfBytes(int byteCount) => Convert.ToBase64String(RandomNumberGenerator.GetBytes(byteCount));

    public static string Uuid() => Guid.NewGuid().ToString();

    /// <summary>Like <see cref="From"/>, but guarantees at least one character of each class present in the alphabet, so entropy floors are met.</summary>
    public static string Mixed(int length) =>
        length < 3 ? AlphaNumeric(length) : From(Upper, 1) + From(Lower, 1) + From(Digits, 1) + AlphaNumeric(length - 3);
}
