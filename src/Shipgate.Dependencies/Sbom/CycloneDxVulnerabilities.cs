using System.Globalization;
using Shipgate.Core;
using Shipgate.Dependencies.Cvss;
using Shipgate.Dependencies.Osv;
using Shipgate.Dependencies.Rules;

namespace Shipgate.Dependencies.Sbom;

/// <summary>
/// The CycloneDX 1.6 <c>vulnerabilities</c> of an SBOM: the components' versions are matched against OSV records
/// exactly as <c>shipgate scan</c> matches them (DEP001/DEP002), then one entry is made per vulnerability — records
/// that alias each other are merged across every component they affect, and <c>affects</c> lists each affected
/// component. The entry is named like the scan's finding (a malicious-package report, else the GHSA id, else the
/// ecosystem database's, CVE last); every other id is a reference. Ratings are the CVSS v4.0 and v3.x vectors with
/// their computed scores; a vulnerability without any (and every malicious package) gets the severity the scanner
/// would report. Entries and every list in them are sorted, so the output is stable. Stateless; thread-safe.
/// </summary>
public static class CycloneDxVulnerabilities
{
    /// <summary>Looks every component up in <paramref name="source"/> and builds the entries (sorted by id).</summary>
    public static async ValueTask<IReadOnlyList<CdxVulnerability>> MatchAsync(SbomGraph graph, IAdvisorySource source, Severity unscoredPolicy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(source);
        var matches = await VulnerabilityRule.MatchAsync(source, [.. graph.Components.Select(c => c.Package)], cancellationToken).ConfigureAwait(false);
        var texts = source is IAdvisoryTextSource textSource && matches.Count > 0
            ? textSource.FindTexts(matches.SelectMany(m => m.Records).Select(r => r.Id).ToHashSet(StringComparer.Ordinal))
            : null;
        return Build(graph, matches, unscoredPolicy, texts);
    }

    /// <summary>
    /// The entries for matches of the graph's packages. A match stands for every component with the same ecosystem,
    /// normalised name and version (the matcher asks once per such package). <paramref name="texts"/> holds the
    /// records' details and references by id (the store keeps them apart); a record's own are used when absent.
    /// </summary>
    public static IReadOnlyList<CdxVulnerability> Build(SbomGraph graph, IReadOnlyList<VulnerabilityMatch> matches, Severity unscoredPolicy, IReadOnlyDictionary<string, OsvText>? texts = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(matches);
        var components = graph.Components.ToLookup(c => Key(c.Package));
        OsvText? TextOf(OsvRecord record) => texts?.GetValueOrDefault(record.Id) ?? record.Text;
        return [.. OsvMatcher.GroupByAlias(matches, m => m.Records.SelectMany(r => r.Aliases.Append(r.Id)))
            .Select(group => ToVulnerability(group, components, unscoredPolicy, TextOf))
            .OrderBy(v => v.Id, StringComparer.Ordinal)];
    }

    /// <summary>Who publishes an id, and its page: GitHub for GHSA ids, the NVD for CVE ids, osv.dev for the rest.</summary>
    public static CdxVulnerabilitySource SourceOf(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var escaped = Uri.EscapeDataString(id);
        return id.StartsWith("GHSA-", StringComparison.Ordinal) ? new("GitHub Advisory Database", "https://github.com/advisories/" + escaped)
            : id.StartsWith("CVE-", StringComparison.Ordinal) ? new("NVD", "https://nvd.nist.gov/vuln/detail/" + escaped)
            : new("OSV", "https://osv.dev/vulnerability/" + escaped);
    }

    private static (Ecosystem, string, string) Key(Package package) => (package.Ecosystem, OsvNames.KeyOf(package).Name, package.Version);

    private static CdxVulnerability ToVulnerability(List<VulnerabilityMatch> group, ILookup<(Ecosystem, string, string), SbomComponent> components, Severity unscoredPolicy, Func<OsvRecord, OsvText?> textOf)
    {
        var records = group.SelectMany(m => m.Records).DistinctBy(r => r.Id)
            .OrderBy(r => OsvMatcher.IdRank(r.Id)).ThenBy(r => r.Id, StringComparer.Ordinal)
            .ToList();
        var primary = records[0];
        var aliases = records.SelectMany(r => r.Aliases.Append(r.Id))
            .Where(id => id != primary.Id)
            .Distinct(StringComparer.Ordinal)
            .OrderBy(OsvMatcher.IdRank).ThenBy(id => id, StringComparer.Ordinal)
            .ToList();

        var affected = group
            .SelectMany(m => components[Key(m.Package)].Select(c => (Component: c, Match: m)))
            .DistinctBy(a => a.Component.Reference)
            .OrderBy(a => a.Component.Reference, StringComparer.Ordinal)
            .ToList();

        var cwes = records.Select(r => r.DatabaseSpecific?.CweIds).OfType<IReadOnlyList<string>>().SelectMany(ids => ids)
            .Select(CweNumber).OfType<int>().Distinct().Order().ToList();
        var advisories = records.SelectMany(r => textOf(r)?.References ?? []).Select(r => r.Url)
            .Where(IsWebUrl).Distinct(StringComparer.Ordinal)
            .Select(url => new CdxAdvisory(url)).ToList();
        var published = records.Select(r => Timestamp(r.Published)).OfType<DateTimeOffset>().Order().Cast<DateTimeOffset?>().FirstOrDefault();
        var updated = records.Select(r => Timestamp(r.Modified)).OfType<DateTimeOffset>().Order().Cast<DateTimeOffset?>().LastOrDefault();

        return new CdxVulnerability(
            primary.Id,
            primary.Id,
            SourceOf(primary.Id),
            aliases.Count > 0 ? [.. aliases.Select(a => new CdxVulnerabilityReference(a, SourceOf(a)))] : null,
            Ratings(group, records, unscoredPolicy),
            cwes.Count > 0 ? cwes : null,
            records.Select(r => r.Summary).FirstOrDefault(s => !string.IsNullOrWhiteSpace(s)),
            records.Select(r => textOf(r)?.Details).FirstOrDefault(s => !string.IsNullOrWhiteSpace(s)),
            Recommendation(affected.Select(a => a.Match)),
            advisories.Count > 0 ? advisories : null,
            Format(published),
            Format(updated),
            [.. affected.Select(a => new CdxAffects(a.Component.Reference, [new CdxAffectedVersion(a.Match.Package.Version, "affected")]))]);
    }

    /// <summary>
    /// One rating per distinct CVSS v4.0 / v3.x vector (record-wide or for an affected package) whose score computes;
    /// plus, when there is none or the package is malicious, the severity the scanner reports (the database's rating,
    /// or the unscored-severity policy), with where it came from as the justification. Severity words are Shipgate's,
    /// which are CycloneDX's (critical, high, medium, low, info; none for a 0.0 score).
    /// </summary>
    private static List<CdxRating> Ratings(List<VulnerabilityMatch> group, List<OsvRecord> records, Severity unscoredPolicy)
    {
        var ratings = new List<CdxRating>();
        var vectors = records
            .SelectMany(r => r.Severity.Concat(r.Affected.SelectMany(a => a.Severity)))
            .Where(s => s.Type is "CVSS_V4" or "CVSS_V3")
            .DistinctBy(s => s.Score)
            .OrderBy(s => s.Type == "CVSS_V4" ? 0 : 1).ThenBy(s => s.Score, StringComparer.Ordinal);
        foreach (var vector in vectors)
        {
            var v4 = vector.Type == "CVSS_V4";
            if ((v4 ? CvssV4.Score(vector.Score) : CvssV3.BaseScore(vector.Score)) is { } score)
            {
                var method = v4 ? "CVSSv4" : vector.Score.StartsWith("CVSS:3.0/", StringComparison.Ordinal) ? "CVSSv3" : "CVSSv31";
                ratings.Add(new CdxRating(score, score == 0 ? "none" : AdvisorySeverity.FromScore(score).ToWire(), method, vector.Score, null));
            }
        }

        if (ratings.Count == 0 || group.Any(m => m.IsMalicious))
        {
            var severity = group.Select(m => AdvisorySeverity.Of(m, unscoredPolicy)).MaxBy(s => s.Level)!;
            var justification = group.Any(m => m.IsMalicious) ? "Malicious package: always critical."
                : severity.Unscored ? "The advisory has no CVSS vector or rating; the level of Shipgate's unscored-severity policy."
                : $"The advisory has no CVSS vector; Shipgate's level from the {severity.Basis}.";
            ratings.Insert(0, new CdxRating(null, severity.Level.ToWire(), "other", null, justification));
        }

        return ratings;
    }

    private static string? Recommendation(IEnumerable<VulnerabilityMatch> matches)
    {
        var sentences = matches
            .Select(m => m.FixedVersion is { } fix
                ? $"Upgrade {m.Package.Name} {m.Package.Version} to {fix} or later."
                : $"No fixed version of {m.Package.Name} {m.Package.Version} is known.")
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return sentences.Count > 0 ? string.Join(" ", sentences) : null;
    }

    private static int? CweNumber(string id) =>
        id.StartsWith("CWE-", StringComparison.OrdinalIgnoreCase)
        && int.TryParse(id.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0 ? number : null;

    private static bool IsWebUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && !url.Any(char.IsWhiteSpace);

    private static DateTimeOffset? Timestamp(string? text) => OsvJson.TryParseTimestamp(text, out var value) ? value : null;

    private static string? Format(DateTimeOffset? value) =>
        value?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
