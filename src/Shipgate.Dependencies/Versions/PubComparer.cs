using System.Globalization;
using System.Numerics;

namespace Shipgate.Dependencies.Versions;

/// <summary>
/// Pub (Dart) ordering, as <c>pub_semver</c> defines it: Semantic Versioning precedence, except that build metadata
/// counts — a version with a build suffix sorts after the same version without one, and build identifiers compare like
/// pre-release identifiers (numbers numerically and before words).
/// </summary>
public sealed class PubComparer : IVersionComparer
{
    private const int MaxLength = 512;

    public Ecosystem Ecosystem => Ecosystem.Pub;

    public int Compare(string? x, string? y)
    {
        var a = Parse(x ?? "");
        var b = Parse(y ?? "");
        for (var i = 0; i < 3; i++)
        {
            var result = a.Core[i].CompareTo(b.Core[i]);
            if (result != 0)
            {
                return Math.Sign(result);
            }
        }

        if (a.Pre.Length == 0 != (b.Pre.Length == 0))
        {
            return a.Pre.Length == 0 ? 1 : -1;
        }

        var byPre = CompareLists(a.Pre, b.Pre);
        if (byPre != 0)
        {
            return byPre;
        }

        if (a.Build.Length == 0 != (b.Build.Length == 0))
        {
            return a.Build.Length == 0 ? -1 : 1;
        }

        return CompareLists(a.Build, b.Build);
    }

    private sealed record Parsed(BigInteger[] Core, string[] Pre, string[] Build);

    private static Parsed Parse(string version)
    {
        var text = version.Trim();
        if (text.Length > MaxLength)
        {
            text = text[..MaxLength];
        }

        if (text.Length > 1 && text[0] is 'v' or 'V' && char.IsAsciiDigit(text[1]))
        {
            text = text[1..];
        }

        var plus = text.IndexOf('+', StringComparison.Ordinal);
        var build = plus < 0 ? "" : text[(plus + 1)..];
        text = plus < 0 ? text : text[..plus];
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        var pre = dash < 0 ? "" : text[(dash + 1)..];
        text = dash < 0 ? text : text[..dash];
        var core = new BigInteger[3];
        var parts = text.Split('.');
        for (var i = 0; i < 3 && i < parts.Length; i++)
        {
            core[i] = BigInteger.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : BigInteger.Zero;
        }

        return new Parsed(core, pre.Length == 0 ? [] : pre.Split('.'), build.Length == 0 ? [] : build.Split('.'));
    }

    private static int CompareLists(string[] a, string[] b)
    {
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            if (i >= a.Length)
            {
                return -1;
            }

            if (i >= b.Length)
            {
                return 1;
            }

            var aNumber = a[i].Length > 0 && a[i].All(char.IsAsciiDigit);
            var bNumber = b[i].Length > 0 && b[i].All(char.IsAsciiDigit);
            var result = (aNumber, bNumber) switch
            {
                (true, true) => BigInteger.Parse(a[i], CultureInfo.InvariantCulture).CompareTo(BigInteger.Parse(b[i], CultureInfo.InvariantCulture)),
                (true, false) => -1,
                (false, true) => 1,
                _ => string.CompareOrdinal(a[i], b[i]),
            };
            if (result != 0)
            {
                return Math.Sign(result);
            }
        }

        return 0;
    }
}
