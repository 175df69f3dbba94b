using System.Globalization;
using System.Numerics;

namespace Shipgate.Dependencies.Versions;

/// <summary>
/// Debian and Ubuntu package ordering, as <c>dpkg --compare-versions</c> defines it: <c>[epoch:]upstream[-revision]</c>;
/// the epoch compares numerically, then upstream and revision each by dpkg's <c>verrevcmp</c>: alternating non-digit
/// runs (compared character by character, where <c>~</c> sorts before everything, even the end of the string, letters
/// before other characters) and digit runs (compared numerically).
/// </summary>
public sealed class DpkgComparer(Ecosystem ecosystem = Ecosystem.Debian) : IVersionComparer
{
    private const int MaxLength = 512;

    public Ecosystem Ecosystem { get; } = ecosystem;

    public int Compare(string? x, string? y)
    {
        var a = Split(x ?? "");
        var b = Split(y ?? "");
        var result = a.Epoch.CompareTo(b.Epoch);
        result = result != 0 ? result : VerRevCmp(a.Upstream, b.Upstream);
        result = result != 0 ? result : VerRevCmp(a.Revision, b.Revision);
        return Math.Sign(result);
    }

    private static (BigInteger Epoch, string Upstream, string Revision) Split(string version)
    {
        var text = version.Trim();
        if (text.Length > MaxLength)
        {
            text = text[..MaxLength];
        }

        var epoch = BigInteger.Zero;
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            _ = BigInteger.TryParse(text.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out epoch);
            text = text[(colon + 1)..];
        }

        var dash = text.LastIndexOf('-');
        return dash >= 0 ? (epoch, text[..dash], text[(dash + 1)..]) : (epoch, text, "");
    }

    private static int Order(char c) => c switch
    {
        '\0' => 0,
        _ when char.IsAsciiDigit(c) => 0,
        _ when char.IsAsciiLetter(c) => c,
        '~' => -1,
        _ => c + 256,
    };

    private static int VerRevCmp(string a, string b)
    {
        int i = 0, j = 0;
        char At(string s, int index) => index < s.Length ? s[index] : '\0';
        while (i < a.Length || j < b.Length)
        {
            while ((i < a.Length && !char.IsAsciiDigit(a[i])) || (j < b.Length && !char.IsAsciiDigit(b[j])))
            {
                var ac = Order(At(a, i));
                var bc = Order(At(b, j));
                if (ac != bc)
                {
                    return ac - bc;
                }

                i++;
                j++;
            }

            while (At(a, i) == '0')
            {
                i++;
            }

            while (At(b, j) == '0')
            {
                j++;
            }

            var firstDiff = 0;
            while (char.IsAsciiDigit(At(a, i)) && char.IsAsciiDigit(At(b, j)))
            {
                if (firstDiff == 0)
                {
                    firstDiff = At(a, i) - At(b, j);
                }

                i++;
                j++;
            }

            if (char.IsAsciiDigit(At(a, i)))
            {
                return 1;
            }

            if (char.IsAsciiDigit(At(b, j)))
            {
                return -1;
            }

            if (firstDiff != 0)
            {
                return firstDiff;
            }
        }

        return 0;
    }
}
