using System.Globalization;
using System.Numerics;

namespace Shipgate.Dependencies.Versions;

/// <summary>
/// Semantic Versioning 2.0 precedence (npm, crates.io), lenient the way OSV is: a leading <c>v</c> is ignored,
/// missing minor/patch components are zero, more than three components are compared too, a component with letters
/// after its digits (<c>0.12.0rc1</c>) starts the pre-release, and build metadata (<c>+…</c>) never matters.
/// NuGet versions follow the same precedence with a fourth component and case-insensitive pre-release labels
/// (<see cref="ForNuGet"/>); numbers of any size compare correctly, where NuGet.Versioning stops at 32 bits.
/// </summary>
public sealed class SemverComparer(Ecosystem ecosystem, bool ignorePrereleaseCase = false) : IVersionComparer
{
    public Ecosystem Ecosystem { get; } = ecosystem;

    public static SemverComparer ForNuGet() => new(Ecosystem.NuGet, ignorePrereleaseCase: true);

    public int Compare(string? x, string? y)
    {
        if (TryCompareWithoutAllocating(x ?? "", y ?? "", out var quick))
        {
            return quick;
        }

        var a = Parse(x ?? "");
        var b = Parse(y ?? "");
        var length = Math.Max(a.Core.Count, b.Core.Count);
        for (var i = 0; i < length; i++)
        {
            var byCore = (i < a.Core.Count ? a.Core[i] : BigInteger.Zero).CompareTo(i < b.Core.Count ? b.Core[i] : BigInteger.Zero);
            if (byCore != 0)
            {
                return byCore;
            }
        }

        return ComparePrerelease(a.Prerelease, b.Prerelease, ignorePrereleaseCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
    }

    private sealed record Parsed(List<BigInteger> Core, string[] Prerelease);

    /// <summary>Components the allocation-free comparison handles; longer cores take <see cref="Parse"/>.</summary>
    private const int QuickComponents = 8;

    /// <summary>
    /// The common case without allocating (a scan compares each package version with every bound of its advisories):
    /// cores of up to <see cref="QuickComponents"/> components of up to 18 digits, decided by the core or by one side
    /// alone having a pre-release. Anything else (two pre-releases to compare, huge numbers) returns false and takes the
    /// full comparison, whose rules this follows exactly.
    /// </summary>
    private static bool TryCompareWithoutAllocating(string x, string y, out int result)
    {
        result = 0;
        Span<ulong> a = stackalloc ulong[QuickComponents];
        Span<ulong> b = stackalloc ulong[QuickComponents];
        if (!TryCore(x, a, out var aCount, out var aPrerelease) || !TryCore(y, b, out var bCount, out var bPrerelease))
        {
            return false;
        }

        var length = Math.Max(aCount, bCount);
        for (var i = 0; i < length; i++)
        {
            var byCore = (i < aCount ? a[i] : 0UL).CompareTo(i < bCount ? b[i] : 0UL);
            if (byCore != 0)
            {
                result = byCore;
                return true;
            }
        }

        if (aPrerelease && bPrerelease)
        {
            return false;
        }

        result = (bPrerelease ? 1 : 0).CompareTo(aPrerelease ? 1 : 0); // no pre-release ranks above any
        return true;
    }

    /// <summary><see cref="Parse"/>'s reading of the core into <paramref name="parts"/>; false when it does not fit.</summary>
    private static bool TryCore(string version, Span<ulong> parts, out int count, out bool prerelease)
    {
        count = 0;
        prerelease = false;
        var text = version.AsSpan().Trim();
        if (text.Length > 0 && (text[0] == 'v' || text[0] == 'V'))
        {
            text = text[1..];
        }

        var plus = text.IndexOf('+');
        if (plus >= 0)
        {
            text = text[..plus];
        }

        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            var value = 0UL;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                value = unchecked((value * 10) + (ulong)(text[i] - '0')); // more than 18 digits is refused below
                i++;
            }

            if (i == start)
            {
                break;
            }

            if (i - start > 18 || count == parts.Length)
            {
                return false;
            }

            parts[count++] = value;
            if (i < text.Length && text[i] == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))
            {
                i++;
                continue;
            }

            break;
        }

        var rest = text[i..];
        if (rest.Length > 0 && (rest[0] == '-' || rest[0] == '.'))
        {
            rest = rest[1..];
        }

        prerelease = rest.Length > 0;
        return true;
    }

    private static Parsed Parse(string version)
    {
        var text = version.Trim();
        if (text.StartsWith('v') || text.StartsWith('V'))
        {
            text = text[1..];
        }

        var plus = text.IndexOf('+', StringComparison.Ordinal);
        if (plus >= 0)
        {
            text = text[..plus];
        }

        var core = new List<BigInteger>();
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            if (i == start)
            {
                break;
            }

            core.Add(Number(text.AsSpan(start, i - start)));
            if (i < text.Length && text[i] == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))
            {
                i++;
                continue;
            }

            break;
        }

        var rest = text[i..];
        if (rest.StartsWith('-') || rest.StartsWith('.'))
        {
            rest = rest[1..];
        }

        return new Parsed(core, rest.Length == 0 ? [] : rest.Split('.'));
    }

    /// <summary>A run of ASCII digits; numbers that fit 64 bits (nearly all) skip BigInteger's text parser.</summary>
    private static BigInteger Number(ReadOnlySpan<char> digits) =>
        digits.Length <= 18
            ? new BigInteger(ulong.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture))
            : BigInteger.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>No pre-release ranks above any; identifiers compare numerically or in ASCII order, numbers first.</summary>
    private static int ComparePrerelease(string[] a, string[] b, StringComparer textComparer)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return b.Length.CompareTo(a.Length);
        }

        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            var aNumeric = a[i].Length > 0 && a[i].All(char.IsAsciiDigit);
            var bNumeric = b[i].Length > 0 && b[i].All(char.IsAsciiDigit);
            var result = (aNumeric, bNumeric) switch
            {
                (true, true) => Number(a[i]).CompareTo(Number(b[i])),
                (true, false) => -1,
                (false, true) => 1,
                _ => textComparer.Compare(a[i], b[i]),
            };
            if (result != 0)
            {
                return Math.Sign(result);
            }
        }

        return a.Length.CompareTo(b.Length);
    }
}
