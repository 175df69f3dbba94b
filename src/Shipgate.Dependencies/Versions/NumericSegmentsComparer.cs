using System.Globalization;
using System.Numerics;

namespace Shipgate.Dependencies.Versions;

/// <summary>
/// Versions that are lists of numbers compared element by element, a proper prefix sorting first:
/// CRAN (R's <c>package_version</c>, numbers separated by <c>.</c> or <c>-</c>, leading zeros meaningless, so
/// <c>0.01.0</c> = <c>0.1-0</c>) and Hackage (Haskell's <c>Data.Version</c>, numbers separated by <c>.</c>, where
/// <c>1.0</c> &lt; <c>1.0.0</c>). A part that is not a number sorts after numbers, by ordinal text, so odd input still
/// has a deterministic place.
/// </summary>
public sealed class NumericSegmentsComparer : IVersionComparer
{
    private const int MaxLength = 512;

    private readonly char[] separators;

    private NumericSegmentsComparer(Ecosystem ecosystem, char[] separators)
    {
        Ecosystem = ecosystem;
        this.separators = separators;
    }

    public Ecosystem Ecosystem { get; }

    public static NumericSegmentsComparer ForCran() => new(Ecosystem.Cran, ['.', '-']);

    public static NumericSegmentsComparer ForHackage() => new(Ecosystem.Hackage, ['.']);

    public int Compare(string? x, string? y)
    {
        var a = Split(x ?? "");
        var b = Split(y ?? "");
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            var aNumber = TryNumber(a[i], out var p);
            var bNumber = TryNumber(b[i], out var q);
            var result = (aNumber, bNumber) switch
            {
                (true, true) => p.CompareTo(q),
                (true, false) => -1,
                (false, true) => 1,
                _ => string.CompareOrdinal(a[i], b[i]),
            };
            if (result != 0)
            {
                return Math.Sign(result);
            }
        }

        return a.Length.CompareTo(b.Length);
    }

    private string[] Split(string version)
    {
        var text = version.Trim();
        if (text.Length > MaxLength)
        {
            text = text[..MaxLength];
        }

        return text.Length == 0 ? [] : text.Split(separators);
    }

    private static bool TryNumber(string part, out BigInteger value) =>
        BigInteger.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
