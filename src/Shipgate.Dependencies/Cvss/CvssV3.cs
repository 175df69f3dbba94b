namespace Shipgate.Dependencies.Cvss;

/// <summary>
/// CVSS v3.0 and v3.1 base scores from a vector (<c>CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H</c> → 9.8), with
/// the specification's formulas: v3.1 uses its floating-point-safe Roundup, v3.0 the plain ceiling to one decimal.
/// Temporal and environmental metrics are accepted and do not change the base score. Stateless; thread-safe.
/// </summary>
public static class CvssV3
{
    private static readonly Dictionary<string, string> Allowed = new(StringComparer.Ordinal)
    {
        ["AV"] = "NALP",
        ["AC"] = "LH",
        ["PR"] = "NLH",
        ["UI"] = "NR",
        ["S"] = "UC",
        ["C"] = "HLN",
        ["I"] = "HLN",
        ["A"] = "HLN",
        ["E"] = "XUPFH",
        ["RL"] = "XOTWU",
        ["RC"] = "XURC",
        ["CR"] = "XLMH",
        ["IR"] = "XLMH",
        ["AR"] = "XLMH",
        ["MAV"] = "XNALP",
        ["MAC"] = "XLH",
        ["MPR"] = "XNLH",
        ["MUI"] = "XNR",
        ["MS"] = "XUC",
        ["MC"] = "XHLN",
        ["MI"] = "XHLN",
        ["MA"] = "XHLN",
    };

    private static readonly string[] Mandatory = ["AV", "AC", "PR", "UI", "S", "C", "I", "A"];

    /// <summary>The base score, or null when the text is not a valid CVSS v3.x vector.</summary>
    public static double? BaseScore(string vector)
    {
        ArgumentNullException.ThrowIfNull(vector);
        var v31 = vector.StartsWith("CVSS:3.1/", StringComparison.Ordinal);
        if (!v31 && !vector.StartsWith("CVSS:3.0/", StringComparison.Ordinal))
        {
            return null;
        }

        var m = CvssVector.Parse(vector, v31 ? "CVSS:3.1/" : "CVSS:3.0/", Allowed, Mandatory);
        if (m is null)
        {
            return null;
        }

        var changed = m["S"] == 'C';
        var av = m["AV"] switch { 'N' => 0.85, 'A' => 0.62, 'L' => 0.55, _ => 0.2 };
        var ac = m["AC"] == 'L' ? 0.77 : 0.44;
        var pr = m["PR"] switch { 'N' => 0.85, 'L' => changed ? 0.68 : 0.62, _ => changed ? 0.5 : 0.27 };
        var ui = m["UI"] == 'N' ? 0.85 : 0.62;
        var iss = 1 - ((1 - Cia(m["C"])) * (1 - Cia(m["I"])) * (1 - Cia(m["A"])));
        var impact = changed ? (7.52 * (iss - 0.029)) - (3.25 * Math.Pow(iss - 0.02, 15)) : 6.42 * iss;
        var exploitability = 8.22 * av * ac * pr * ui;
        if (impact <= 0)
        {
            return 0;
        }

        var raw = changed ? Math.Min(1.08 * (impact + exploitability), 10) : Math.Min(impact + exploitability, 10);
        return v31 ? Roundup31(raw) : Math.Ceiling(raw * 10) / 10;
    }

    private static double Cia(char value) => value switch { 'H' => 0.56, 'L' => 0.22, _ => 0 };

    /// <summary>CVSS v3.1 Appendix A: the smallest one-decimal number ≥ the input, immune to binary rounding noise.</summary>
    internal static double Roundup31(double value)
    {
        var scaled = (long)Math.Round(value * 100_000);
        return scaled % 10_000 == 0 ? scaled / 100_000.0 : (Math.Floor(scaled / 10_000.0) + 1) / 10.0;
    }
}
