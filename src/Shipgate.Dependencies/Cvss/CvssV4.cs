namespace Shipgate.Dependencies.Cvss;

/// <summary>
/// CVSS v4.0 scores from a vector, following the specification's MacroVector method: the vector falls into one of
/// 270 MacroVectors (six equivalence classes EQ1–EQ6), whose expert-assigned score (<see cref="CvssV4Table"/>) is then
/// lowered by the mean proportional distance of the vector from the most severe vectors of its MacroVector, each
/// scaled by the score gap to the next lower MacroVector. Threat (E) and environmental metrics are honoured when
/// present (undefined E counts as Attacked, undefined CR/IR/AR as High), so a base-only vector gives the base score.
/// Stateless; thread-safe.
/// </summary>
public static class CvssV4
{
    private const string Prefix = "CVSS:4.0/";

    private static readonly Dictionary<string, string> Allowed = new(StringComparer.Ordinal)
    {
        ["AV"] = "NALP",
        ["AC"] = "LH",
        ["AT"] = "NP",
        ["PR"] = "NLH",
        ["UI"] = "NPA",
        ["VC"] = "HLN",
        ["VI"] = "HLN",
        ["VA"] = "HLN",
        ["SC"] = "HLN",
        ["SI"] = "HLN",
        ["SA"] = "HLN",
        ["E"] = "XAPU",
        ["CR"] = "XHML",
        ["IR"] = "XHML",
        ["AR"] = "XHML",
        ["MAV"] = "XNALP",
        ["MAC"] = "XLH",
        ["MAT"] = "XNP",
        ["MPR"] = "XNLH",
        ["MUI"] = "XNPA",
        ["MVC"] = "XHLN",
        ["MVI"] = "XHLN",
        ["MVA"] = "XHLN",
        ["MSC"] = "XHLN",
        ["MSI"] = "XSHLN",
        ["MSA"] = "XSHLN",
        ["S"] = "XNP",
        ["AU"] = "XNY",
        ["R"] = "XAUI",
        ["V"] = "XDC",
        ["RE"] = "XLMH",
        ["U"] = "X",
    };

    private static readonly string[] Mandatory = ["AV", "AC", "AT", "PR", "UI", "VC", "VI", "VA", "SC", "SI", "SA"];

    // Severity levels per metric (the specification's distances, in tenths): lower is more severe.
    private static readonly Dictionary<string, Dictionary<char, int>> Levels = new(StringComparer.Ordinal)
    {
        ["AV"] = new() { ['N'] = 0, ['A'] = 1, ['L'] = 2, ['P'] = 3 },
        ["PR"] = new() { ['N'] = 0, ['L'] = 1, ['H'] = 2 },
        ["UI"] = new() { ['N'] = 0, ['P'] = 1, ['A'] = 2 },
        ["AC"] = new() { ['L'] = 0, ['H'] = 1 },
        ["AT"] = new() { ['N'] = 0, ['P'] = 1 },
        ["VC"] = new() { ['H'] = 0, ['L'] = 1, ['N'] = 2 },
        ["VI"] = new() { ['H'] = 0, ['L'] = 1, ['N'] = 2 },
        ["VA"] = new() { ['H'] = 0, ['L'] = 1, ['N'] = 2 },
        ["SC"] = new() { ['H'] = 1, ['L'] = 2, ['N'] = 3 },
        ["SI"] = new() { ['S'] = 0, ['H'] = 1, ['L'] = 2, ['N'] = 3 },
        ["SA"] = new() { ['S'] = 0, ['H'] = 1, ['L'] = 2, ['N'] = 3 },
        ["CR"] = new() { ['H'] = 0, ['M'] = 1, ['L'] = 2 },
        ["IR"] = new() { ['H'] = 0, ['M'] = 1, ['L'] = 2 },
        ["AR"] = new() { ['H'] = 0, ['M'] = 1, ['L'] = 2 },
    };

    // The most severe vectors of each EQ level (specification, "highest severity vectors").
    private static readonly string[][] Eq1Max = [["AV:N/PR:N/UI:N"], ["AV:A/PR:N/UI:N", "AV:N/PR:L/UI:N", "AV:N/PR:N/UI:P"], ["AV:P/PR:N/UI:N", "AV:A/PR:L/UI:P"]];
    private static readonly string[][] Eq2Max = [["AC:L/AT:N"], ["AC:H/AT:N", "AC:L/AT:P"]];
    private static readonly string[][] Eq4Max = [["SC:H/SI:S/SA:S"], ["SC:H/SI:H/SA:H"], ["SC:L/SI:L/SA:L"]];

    private static readonly Dictionary<(int Eq3, int Eq6), string[]> Eq3Eq6Max = new()
    {
        [(0, 0)] = ["VC:H/VI:H/VA:H/CR:H/IR:H/AR:H"],
        [(0, 1)] = ["VC:H/VI:H/VA:L/CR:M/IR:M/AR:H", "VC:H/VI:H/VA:H/CR:M/IR:M/AR:M"],
        [(1, 0)] = ["VC:L/VI:H/VA:H/CR:H/IR:H/AR:H", "VC:H/VI:L/VA:H/CR:H/IR:H/AR:H"],
        [(1, 1)] = ["VC:L/VI:H/VA:L/CR:H/IR:M/AR:H", "VC:L/VI:H/VA:H/CR:H/IR:M/AR:M", "VC:H/VI:L/VA:H/CR:M/IR:H/AR:M", "VC:H/VI:L/VA:L/CR:M/IR:H/AR:H", "VC:L/VI:L/VA:H/CR:H/IR:H/AR:M"],
        [(2, 1)] = ["VC:L/VI:L/VA:L/CR:H/IR:H/AR:H"],
    };

    // Depth of each MacroVector in severity-distance steps (specification's "max severity").
    private static readonly int[] Eq1Depth = [1, 4, 5];
    private static readonly int[] Eq2Depth = [1, 2];
    private static readonly int[] Eq4Depth = [6, 5, 4];
    private static readonly Dictionary<(int Eq3, int Eq6), int> Eq3Eq6Depth = new() { [(0, 0)] = 7, [(0, 1)] = 6, [(1, 0)] = 8, [(1, 1)] = 8, [(2, 1)] = 10 };

    /// <summary>The score, or null when the text is not a valid CVSS v4.0 vector.</summary>
    public static double? Score(string vector)
    {
        ArgumentNullException.ThrowIfNull(vector);
        var selected = CvssVector.Parse(vector, Prefix, Allowed, Mandatory);
        if (selected is null)
        {
            return null;
        }

        char M(string metric) => Effective(selected, metric);

        if ("VC VI VA SC SI SA".Split(' ').All(metric => M(metric) == 'N'))
        {
            return 0;
        }

        var (eq1, eq2, eq3, eq4, eq5, eq6) = MacroVector(M);
        var value = CvssV4Table.Lookup(eq1, eq2, eq3, eq4, eq5, eq6) ?? throw new InvalidOperationException("MacroVector outside the table");

        var lowerEq1 = CvssV4Table.Lookup(eq1 + 1, eq2, eq3, eq4, eq5, eq6);
        var lowerEq2 = CvssV4Table.Lookup(eq1, eq2 + 1, eq3, eq4, eq5, eq6);
        double? lowerEq3Eq6 = (eq3, eq6) switch
        {
            (0, 0) => Max(CvssV4Table.Lookup(eq1, eq2, eq3, eq4, eq5, eq6 + 1), CvssV4Table.Lookup(eq1, eq2, eq3 + 1, eq4, eq5, eq6)),
            (1, 0) => CvssV4Table.Lookup(eq1, eq2, eq3, eq4, eq5, eq6 + 1),
            (0, 1) or (1, 1) => CvssV4Table.Lookup(eq1, eq2, eq3 + 1, eq4, eq5, eq6),
            _ => CvssV4Table.Lookup(eq1, eq2, eq3 + 1, eq4, eq5, eq6 + 1),
        };
        var lowerEq4 = CvssV4Table.Lookup(eq1, eq2, eq3, eq4 + 1, eq5, eq6);
        var lowerEq5 = CvssV4Table.Lookup(eq1, eq2, eq3, eq4, eq5 + 1, eq6);

        // The first of the most severe vectors of this MacroVector that the scored vector does not exceed.
        Dictionary<string, char>? max = null;
        foreach (var candidate in Compose(Eq1Max[eq1], Eq2Max[eq2], Eq3Eq6Max[(eq3, eq6)], Eq4Max[eq4]))
        {
            max = candidate;
            if (Levels.Keys.All(metric => Distance(metric, M(metric), candidate) >= 0))
            {
                break;
            }
        }

        int D(string metric) => Distance(metric, M(metric), max!);
        var distanceEq1 = D("AV") + D("PR") + D("UI");
        var distanceEq2 = D("AC") + D("AT");
        var distanceEq3Eq6 = D("VC") + D("VI") + D("VA") + D("CR") + D("IR") + D("AR");
        var distanceEq4 = D("SC") + D("SI") + D("SA");

        var existing = 0;
        var total = 0.0;
        void Add(double? lower, int distance, int depth)
        {
            if (lower is { } l)
            {
                existing++;
                total += (value - l) * (distance / (double)depth);
            }
        }

        Add(lowerEq1, distanceEq1, Eq1Depth[eq1]);
        Add(lowerEq2, distanceEq2, Eq2Depth[eq2]);
        Add(lowerEq3Eq6, distanceEq3Eq6, Eq3Eq6Depth[(eq3, eq6)]);
        Add(lowerEq4, distanceEq4, Eq4Depth[eq4]);
        Add(lowerEq5, 0, 1); // EQ5 has no intra-MacroVector distance.

        var score = existing == 0 ? value : value - (total / existing);
        score = Math.Clamp(score, 0, 10);
        return Math.Round(score * 10, MidpointRounding.AwayFromZero) / 10;
    }

    /// <summary>The MacroVector: EQ1 to EQ6 as the specification defines them.</summary>
    private static (int Eq1, int Eq2, int Eq3, int Eq4, int Eq5, int Eq6) MacroVector(Func<string, char> m)
    {
        var anyNone = m("AV") == 'N' || m("PR") == 'N' || m("UI") == 'N';
        var eq1 = m("AV") == 'N' && m("PR") == 'N' && m("UI") == 'N' ? 0
            : anyNone && m("AV") != 'P' ? 1
            : 2;
        var eq2 = m("AC") == 'L' && m("AT") == 'N' ? 0 : 1;
        var eq3 = m("VC") == 'H' && m("VI") == 'H' ? 0
            : m("VC") == 'H' || m("VI") == 'H' || m("VA") == 'H' ? 1
            : 2;
        var eq4 = m("MSI") == 'S' || m("MSA") == 'S' ? 0
            : m("SC") == 'H' || m("SI") == 'H' || m("SA") == 'H' ? 1
            : 2;
        var eq5 = m("E") switch { 'A' => 0, 'P' => 1, _ => 2 };
        var eq6 = (m("CR") == 'H' && m("VC") == 'H') || (m("IR") == 'H' && m("VI") == 'H') || (m("AR") == 'H' && m("VA") == 'H') ? 0 : 1;
        return (eq1, eq2, eq3, eq4, eq5, eq6);
    }

    /// <summary>A metric's value after defaults (E:X → A, CR/IR/AR:X → H) and environmental overrides (M*).</summary>
    private static char Effective(Dictionary<string, char> selected, string metric)
    {
        var value = selected.TryGetValue(metric, out var v) ? v : 'X';
        if (metric == "E" && value == 'X')
        {
            return 'A';
        }

        if (metric is "CR" or "IR" or "AR" && value == 'X')
        {
            return 'H';
        }

        return selected.TryGetValue("M" + metric, out var modified) && modified != 'X' ? modified : value;
    }

    private static int Distance(string metric, char value, Dictionary<string, char> max) =>
        Levels[metric][value] - Levels[metric][max[metric]];

    private static IEnumerable<Dictionary<string, char>> Compose(string[] eq1, string[] eq2, string[] eq3Eq6, string[] eq4)
    {
        foreach (var a in eq1)
        {
            foreach (var b in eq2)
            {
                foreach (var c in eq3Eq6)
                {
                    foreach (var d in eq4)
                    {
                        var metrics = new Dictionary<string, char>(StringComparer.Ordinal);
                        foreach (var part in string.Join('/', a, b, c, d).Split('/'))
                        {
                            metrics[part[..part.IndexOf(':', StringComparison.Ordinal)]] = part[^1];
                        }

                        yield return metrics;
                    }
                }
            }
        }
    }

    private static double? Max(double? a, double? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);
}
