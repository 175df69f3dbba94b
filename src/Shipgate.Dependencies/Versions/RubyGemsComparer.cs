using System.Globalization;
using System.Numerics;

namespace Shipgate.Dependencies.Versions;

/// <summary>
/// RubyGems ordering (<c>Gem::Version#&lt;=&gt;</c>), which CocoaPods' <c>Pod::Version</c> inherits: a <c>-</c> means
/// <c>.pre.</c>; the version is split into runs of digits and runs of letters; trailing zeros of the numeric part and of
/// the part after the first letters are dropped; then segments compare pairwise (a missing one is 0), a letter segment
/// sorts before a number (so <c>1.0.a</c> is a pre-release of <c>1.0</c>), letters compare by byte.
/// </summary>
public sealed class RubyGemsComparer(Ecosystem ecosystem = Ecosystem.RubyGems) : IVersionComparer
{
    private const int MaxLength = 512;

    public Ecosystem Ecosystem { get; } = ecosystem;

    public int Compare(string? x, string? y)
    {
        var a = Canonical(x ?? "");
        var b = Canonical(y ?? "");
        for (var i = 0; i < Math.Max(a.Count, b.Count); i++)
        {
            var left = i < a.Count ? a[i] : BigInteger.Zero;
            var right = i < b.Count ? b[i] : BigInteger.Zero;
            var result = (left, right) switch
            {
                (BigInteger l, BigInteger r) => l.CompareTo(r),
                (string, BigInteger) => -1,
                (BigInteger, string) => 1,
                (string l, string r) => string.CompareOrdinal(l, r),
                _ => 0,
            };
            if (result != 0)
            {
                return Math.Sign(result);
            }
        }

        return 0;
    }

    /// <summary>The canonical segments: numbers as <see cref="BigInteger"/>, letter runs as strings.</summary>
    private static List<object> Canonical(string version)
    {
        var text = version.Trim();
        if (text.Length > MaxLength)
        {
            text = text[..MaxLength];
        }

        text = text.Replace("-", ".pre.", StringComparison.Ordinal);
        var segments = new List<object>();
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            if (char.IsAsciiDigit(text[i]))
            {
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                {
                    i++;
                }

                segments.Add(BigInteger.Parse(text.AsSpan(start, i - start), NumberStyles.None, CultureInfo.InvariantCulture));
            }
            else if (char.IsAsciiLetter(text[i]))
            {
                while (i < text.Length && char.IsAsciiLetter(text[i]))
                {
                    i++;
                }

                segments.Add(text[start..i]);
            }
            else
            {
                i++;
            }
        }

        var firstString = segments.FindIndex(s => s is string);
        var numeric = firstString < 0 ? segments : segments[..firstString];
        var rest = firstString < 0 ? [] : segments[firstString..];
        TrimZeros(numeric);
        TrimZeros(rest);
        return [.. numeric, .. rest];
    }

    private static void TrimZeros(List<object> segments)
    {
        while (segments.Count > 0 && segments[^1] is BigInteger { IsZero: true })
        {
            segments.RemoveAt(segments.Count - 1);
        }
    }
}
