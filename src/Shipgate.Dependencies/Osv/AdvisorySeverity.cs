using System.Globalization;
using Shipgate.Core;
using Shipgate.Dependencies.Cvss;

namespace Shipgate.Dependencies.Osv;

/// <summary>
/// How severe a matched vulnerability is and where that came from: <c>MAL-</c> records are always critical; otherwise
/// the CVSS v4.0 score when a record has one, else CVSS v3.x (computed from the vectors, never trusted from text),
/// else the database's own rating (<c>database_specific.severity</c>, GitHub's LOW/MODERATE/HIGH/CRITICAL, or an
/// Ubuntu priority); with none of those the advisory is unscored and gets the configured policy severity.
/// Immutable.
/// </summary>
public sealed record AdvisorySeverity(Severity Level, double? Score, string Basis, bool Unscored)
{
    /// <summary>Qualitative rating of a CVSS score (FIRST): 0.1–3.9 low, 4.0–6.9 medium, 7.0–8.9 high, 9.0–10 critical.</summary>
    public static Severity FromScore(double score) =>
        score >= 9.0 ? Severity.Critical : score >= 7.0 ? Severity.High : score >= 4.0 ? Severity.Medium : Severity.Low;

    /// <summary>The most severe assessment among the merged records of one vulnerability.</summary>
    public static AdvisorySeverity Of(VulnerabilityMatch match, Severity unscoredPolicy)
    {
        ArgumentNullException.ThrowIfNull(match);
        var (ecosystem, name) = OsvNames.KeyOf(match.Package);
        AdvisorySeverity? best = null;
        foreach (var record in match.Records)
        {
            var candidate = Of(record, ecosystem, name);
            if (candidate is not null && (best is null || candidate.Level > best.Level || (candidate.Level == best.Level && (candidate.Score ?? 0) > (best.Score ?? 0))))
            {
                best = candidate;
            }
        }

        return best ?? new AdvisorySeverity(unscoredPolicy, null, "unscored", Unscored: true);
    }

    /// <summary>One record's own assessment for a package, or null when it has none.</summary>
    public static AdvisorySeverity? Of(OsvRecord record, string ecosystem, string normalizedName)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.IsMalicious)
        {
            return new AdvisorySeverity(Severity.Critical, null, "malicious package", Unscored: false);
        }

        var packageEntries = record.Affected
            .Where(a => a.Package is { } p && p.Ecosystem == ecosystem && OsvNames.NormalizeName(p.Ecosystem, p.Name) == normalizedName)
            .ToList();
        var entries = record.Severity.Concat(packageEntries.SelectMany(a => a.Severity)).ToList();

        foreach (var type in new[] { "CVSS_V4", "CVSS_V3" })
        {
            double? best = null;
            string? bestVector = null;
            foreach (var entry in entries.Where(e => e.Type == type))
            {
                var score = type == "CVSS_V4" ? CvssV4.Score(entry.Score) : CvssV3.BaseScore(entry.Score);
                if (score is { } s && (best is null || s > best))
                {
                    best = s;
                    bestVector = entry.Score;
                }
            }

            if (best is { } found)
            {
                var label = type == "CVSS_V4" ? "CVSS 4.0" : bestVector!.StartsWith("CVSS:3.0", StringComparison.Ordinal) ? "CVSS 3.0" : "CVSS 3.1";
                return new AdvisorySeverity(FromScore(found), found, $"{label} {found.ToString("0.0", CultureInfo.InvariantCulture)}", Unscored: false);
            }
        }

        foreach (var element in packageEntries.Select(a => a.DatabaseSpecific).Append(record.DatabaseSpecific).Concat(packageEntries.Select(a => a.EcosystemSpecific)))
        {
            if (Word(element) is { } level)
            {
                return new AdvisorySeverity(level, null, "advisory rating", Unscored: false);
            }
        }

        foreach (var entry in entries.Where(e => e.Type == "Ubuntu"))
        {
            if (FromWord(entry.Score) is { } level)
            {
                return new AdvisorySeverity(level, null, "Ubuntu priority", Unscored: false);
            }
        }

        return null;
    }

    private static Severity? Word(OsvSpecific? specific) => FromWord(specific?.Severity);

    /// <summary>GitHub, Ubuntu and other databases' words.</summary>
    public static Severity? FromWord(string? word) => word?.Trim().ToUpperInvariant() switch
    {
        "CRITICAL" => Severity.Critical,
        "HIGH" or "IMPORTANT" => Severity.High,
        "MODERATE" or "MEDIUM" => Severity.Medium,
        "LOW" or "NEGLIGIBLE" => Severity.Low,
        _ => null,
    };
}
