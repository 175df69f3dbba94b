using Shipgate.Dependencies.Versions;

namespace Shipgate.Dependencies.Osv;

/// <summary>
/// Decides whether a package version is affected by OSV records, exactly as the OSV schema's evaluation describes:
/// an explicit <c>versions</c> entry, or an ECOSYSTEM/SEMVER range whose events (sorted by version, <c>introduced:
/// "0"</c> first) leave the version inside an <c>introduced</c>…<c>fixed</c> interval, up to and including
/// <c>last_affected</c>, and below any <c>limit</c>. GIT ranges describe commits, not package versions: they are
/// ignored for matching while the record's other ranges still count. Records that alias each other (a GHSA and its
/// CVE, a PYSEC and its GHSA) become one <see cref="VulnerabilityMatch"/>. Stateless; thread-safe.
/// </summary>
public sealed class OsvMatcher(Func<string, IVersionComparer?> comparers)
{
    public static OsvMatcher Default { get; } = new(OsvComparers.For);

    /// <summary>The vulnerabilities among <paramref name="candidates"/> that affect the package's version, merged by alias.</summary>
    public IReadOnlyList<VulnerabilityMatch> Match(Package package, IReadOnlyList<OsvRecord> candidates)
    {
        ArgumentNullException.ThrowIfNull(package);
        ArgumentNullException.ThrowIfNull(candidates);
        if (package.Version.Length == 0 || candidates.Count == 0)
        {
            return [];
        }

        var (ecosystem, name) = OsvNames.KeyOf(package);
        var hits = new List<(OsvRecord Record, Evaluation Evaluation)>();
        foreach (var record in candidates.DistinctBy(r => r.Id))
        {
            var evaluation = Evaluate(record, ecosystem, name, package.Version);
            if (evaluation.Affected)
            {
                hits.Add((record, evaluation));
            }
        }

        if (hits.Count == 0)
        {
            return [];
        }

        var matches = new List<VulnerabilityMatch>();
        foreach (var group in GroupByAlias(hits, h => h.Record.Aliases.Append(h.Record.Id)))
        {
            var records = group.Select(h => h.Record).ToList();
            var primary = records.OrderBy(r => IdRank(r.Id)).ThenBy(r => r.Id, StringComparer.Ordinal).First();
            var aliases = records.SelectMany(r => r.Aliases.Append(r.Id))
                .Where(id => id != primary.Id)
                .Distinct(StringComparer.Ordinal)
                .OrderBy(id => IdRank(id)).ThenBy(id => id, StringComparer.Ordinal)
                .ToList();
            var fixedVersion = SmallestClearingVersion(records, ecosystem, name, package.Version);
            var onlyListed = group.All(h => h.Evaluation.ByListOnly);
            matches.Add(new VulnerabilityMatch(package, primary, records, aliases, fixedVersion, onlyListed
                ? $"the {ecosystem} version order is not known to Shipgate, so only the advisory's explicit version list was compared"
                : null));
        }

        return matches.OrderBy(m => m.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>Whether <paramref name="version"/> of the package (ecosystem and normalised name) is affected by the record.</summary>
    public bool Affects(OsvRecord record, string ecosystem, string normalizedName, string version) =>
        Evaluate(record, ecosystem, normalizedName, version).Affected;

    private readonly record struct Evaluation(bool Affected, bool ByListOnly);

    /// <summary>
    /// Whether any of <paramref name="entries"/> (the affected entries of one package, as <see cref="OsvBounds"/> keeps
    /// them) affects <paramref name="version"/>: the same evaluation as for a whole record, so a record this rejects is one
    /// <see cref="Match"/> would not report.
    /// </summary>
    internal bool MayAffect(IReadOnlyList<OsvAffected> entries, string ecosystem, string version)
    {
        var comparer = comparers(ecosystem);
        foreach (var affected in entries)
        {
            if (EvaluateEntry(affected, comparer, version).Affected)
            {
                return true;
            }
        }

        return false;
    }

    private Evaluation Evaluate(OsvRecord record, string ecosystem, string normalizedName, string version)
    {
        var comparer = comparers(ecosystem);
        foreach (var affected in record.Affected)
        {
            if (affected.Package is not { } package || package.Ecosystem != ecosystem || OsvNames.NormalizeName(package.Ecosystem, package.Name) != normalizedName)
            {
                continue;
            }

            var evaluation = EvaluateEntry(affected, comparer, version);
            if (evaluation.Affected)
            {
                return evaluation;
            }
        }

        return default;
    }

    /// <summary>One affected entry: an explicit version first, then each range the ordering can evaluate.</summary>
    private static Evaluation EvaluateEntry(OsvAffected affected, IVersionComparer? comparer, string version)
    {
        foreach (var listed in affected.Versions)
        {
            if (comparer is null ? string.Equals(listed, version, StringComparison.Ordinal) : comparer.Compare(listed, version) == 0)
            {
                return new Evaluation(true, comparer is null);
            }
        }

        foreach (var range in affected.Ranges)
        {
            var rangeComparer = RangeComparer(range, comparer);
            if (range.Type == "ECOSYSTEM" && rangeComparer is null)
            {
                continue;
            }

            if (rangeComparer is not null && InRange(version, range, rangeComparer))
            {
                return new Evaluation(true, false);
            }
        }

        return default;
    }

    /// <summary>SEMVER ranges order by Semantic Versioning, ECOSYSTEM ranges by the ecosystem, GIT ranges not at all.</summary>
    private static IVersionComparer? RangeComparer(OsvRange range, IVersionComparer? ecosystemComparer) => range.Type switch
    {
        "SEMVER" => OsvComparers.SemverRanges,
        "ECOSYSTEM" => ecosystemComparer,
        _ => null,
    };

    /// <summary>The schema's evaluation: walk the events in version order; the last one at or below the version decides.</summary>
    internal static bool InRange(string version, OsvRange range, IComparer<string> comparer)
    {
        foreach (var limit in range.Events.Select(e => e.Limit).OfType<string>())
        {
            if (limit != "*" && comparer.Compare(version, limit) >= 0)
            {
                return false;
            }
        }

        var events = range.Events
            .Select((e, index) => (Event: e, Version: VersionOf(e), Index: index))
            .Where(e => e.Version is not null && e.Event.Limit is null)
            .ToList();
        events.Sort((a, b) =>
        {
            var byVersion = CompareEventVersions(a.Version!, b.Version!, comparer);
            return byVersion != 0 ? byVersion : a.Index.CompareTo(b.Index);
        });

        var affected = false;
        foreach (var (e, eventVersion, _) in events)
        {
            if (e.Introduced is not null)
            {
                if (eventVersion == "0" || comparer.Compare(version, eventVersion!) >= 0)
                {
                    affected = true;
                }
            }
            else if (e.Fixed is not null)
            {
                if (comparer.Compare(version, eventVersion!) >= 0)
                {
                    affected = false;
                }
            }
            else if (e.LastAffected is not null && comparer.Compare(version, eventVersion!) > 0)
            {
                affected = false;
            }
        }

        return affected;
    }

    private static string? VersionOf(OsvEvent e) => e.Introduced ?? e.Fixed ?? e.LastAffected ?? e.Limit;

    private static int CompareEventVersions(string a, string b, IComparer<string> comparer) =>
        a == "0" && b == "0" ? 0 : a == "0" ? -1 : b == "0" ? 1 : comparer.Compare(a, b);

    /// <summary>
    /// The lowest <c>fixed</c> version above the current one at which no record of the group still applies
    /// (a later fix of a second range, or a second advisory, may be needed). Null when nothing clears it.
    /// </summary>
    private string? SmallestClearingVersion(List<OsvRecord> records, string ecosystem, string normalizedName, string version)
    {
        var comparer = comparers(ecosystem);
        var candidates = new List<string>();
        foreach (var record in records)
        {
            foreach (var affected in record.Affected)
            {
                if (affected.Package is not { } package || package.Ecosystem != ecosystem || OsvNames.NormalizeName(package.Ecosystem, package.Name) != normalizedName)
                {
                    continue;
                }

                foreach (var range in affected.Ranges)
                {
                    var rangeComparer = RangeComparer(range, comparer);
                    if (rangeComparer is null)
                    {
                        continue;
                    }

                    candidates.AddRange(range.Events.Select(e => e.Fixed).OfType<string>().Where(f => rangeComparer.Compare(f, version) > 0));
                }
            }
        }

        var order = comparer ?? OsvComparers.SemverRanges;
        foreach (var candidate in candidates.Distinct(StringComparer.Ordinal).Order(order))
        {
            if (!records.Any(r => Affects(r, ecosystem, normalizedName, candidate)))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>
    /// Groups items that share any id (transitively): union-find over <paramref name="ids"/> of each item. Groups come
    /// in the order of their first item; items keep their order within a group.
    /// </summary>
    internal static List<List<T>> GroupByAlias<T>(IReadOnlyList<T> items, Func<T, IEnumerable<string>> ids)
    {
        var parent = Enumerable.Range(0, items.Count).ToArray();
        int Find(int i) => parent[i] == i ? i : parent[i] = Find(parent[i]);
        var owner = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            foreach (var id in ids(items[i]))
            {
                if (owner.TryGetValue(id, out var other))
                {
                    parent[Find(i)] = Find(other);
                }
                else
                {
                    owner[id] = i;
                }
            }
        }

        return [.. Enumerable.Range(0, items.Count).GroupBy(Find).Select(g => g.Select(i => items[i]).ToList())];
    }

    /// <summary>Which id names a merged finding: malicious-package reports, then GitHub, then the ecosystem databases, CVE last.</summary>
    internal static int IdRank(string id) =>
        id.StartsWith("MAL-", StringComparison.Ordinal) ? 0
        : id.StartsWith("GHSA-", StringComparison.Ordinal) ? 1
        : id.StartsWith("CVE-", StringComparison.Ordinal) ? 3
        : 2;
}

/// <summary>
/// One vulnerability of one package: the record that names it, every record merged into it, all other ids
/// (aliases), and the smallest version that clears all of them. <see cref="Caveat"/> says when the match rests on
/// the explicit version list alone. Immutable.
/// </summary>
public sealed record VulnerabilityMatch(
    Package Package,
    OsvRecord Primary,
    IReadOnlyList<OsvRecord> Records,
    IReadOnlyList<string> Aliases,
    string? FixedVersion,
    string? Caveat)
{
    public string Id => Primary.Id;

    public bool IsMalicious => Records.Any(r => r.IsMalicious);

    public string? Summary => Records.Select(r => r.Summary).FirstOrDefault(s => !string.IsNullOrWhiteSpace(s));
}
