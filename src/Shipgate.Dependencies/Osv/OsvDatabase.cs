using System.Collections.Concurrent;

namespace Shipgate.Dependencies.Osv;

/// <summary>
/// Thread-safe read access to the offline store for scans. <see cref="Open"/> checks the file once (missing,
/// corrupt and incompatible files throw <see cref="OsvStoreException"/>) and reads only the time of the last import;
/// lookups then rent a read-only connection from a small pool, so parallel lockfiles never share a connection. Each
/// lookup asks the index once per ecosystem for all of a lockfile's names and then reads the records it names in one
/// query; decoded records are cached by id for the rest of the scan, so a monorepo's many lockfiles decode a shared
/// advisory once. Records whose index bounds show they cannot affect a package's version are left out of that
/// package's candidates without being decoded (45 % of them in the benchmark lockfile).
/// </summary>
public sealed class OsvDatabase : IAdvisorySource, IAdvisoryTextSource, IDisposable
{
    /// <summary>How many decoded records the cache keeps at most (a few KiB each); beyond it records are decoded per lookup.</summary>
    private const int CacheCapacity = 50_000;

    private readonly ConcurrentBag<OsvStore> idle = [];
    private readonly ConcurrentDictionary<string, OsvRecord> cache = new(StringComparer.Ordinal);

    private OsvDatabase(string path, DateTimeOffset? lastImport)
    {
        Path = path;
        LastImport = lastImport;
    }

    public string Path { get; }

    /// <summary>When the newest import happened, read when the store was opened; null for an empty store.</summary>
    public DateTimeOffset? LastImport { get; }

    public static OsvDatabase Open(string path)
    {
        var store = OsvStore.OpenReadOnly(path);
        try
        {
            var database = new OsvDatabase(path, store.LastImport());
            database.idle.Add(store);
            return database;
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    public ValueTask<IReadOnlyList<IReadOnlyList<OsvRecord>>> FindAsync(IReadOnlyList<Package> packages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(packages);
        var keys = packages.Select(OsvNames.KeyOf).ToArray();
        var store = idle.TryTake(out var pooled) ? pooled : OsvStore.OpenReadOnly(Path);
        try
        {
            using var lookup = store.CreateLookup();
            var entriesByKey = new Dictionary<(string Ecosystem, string Name), List<IndexEntry>>();
            foreach (var group in keys.Distinct().GroupBy(k => k.Ecosystem, StringComparer.Ordinal))
            {
                cancellationToken.ThrowIfCancellationRequested();
                foreach (var (name, entries) in lookup.VulnerabilityIds(group.Key, group.Select(k => k.Name)))
                {
                    entriesByKey[(group.Key, name)] = entries;
                }
            }

            var idsOf = new List<string>?[keys.Length];
            for (var i = 0; i < keys.Length; i++)
            {
                if (entriesByKey.TryGetValue(keys[i], out var entries))
                {
                    var (ecosystem, version) = (keys[i].Ecosystem, packages[i].Version);
                    idsOf[i] = [.. entries.Where(e => MayAffect(e, ecosystem, version)).Select(e => e.Vuln)];
                }
            }

            var records = new Dictionary<string, OsvRecord>(StringComparer.Ordinal);
            var missing = new HashSet<string>(StringComparer.Ordinal);
            foreach (var id in idsOf.SelectMany(ids => ids ?? []))
            {
                if (cache.TryGetValue(id, out var cached))
                {
                    records[id] = cached;
                }
                else
                {
                    missing.Add(id);
                }
            }

            foreach (var (id, record) in lookup.Records(missing))
            {
                records[id] = record;
                if (cache.Count < CacheCapacity)
                {
                    cache.TryAdd(id, record);
                }
            }

            var results = new IReadOnlyList<OsvRecord>[keys.Length];
            for (var i = 0; i < keys.Length; i++)
            {
                results[i] = idsOf[i] is { } ids ? [.. ids.Select(id => records[id])] : [];
            }

            return ValueTask.FromResult<IReadOnlyList<IReadOnlyList<OsvRecord>>>(results);
        }
        finally
        {
            idle.Add(store);
        }
    }

    public IReadOnlyDictionary<string, OsvText> FindTexts(IReadOnlyCollection<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var store = idle.TryTake(out var pooled) ? pooled : OsvStore.OpenReadOnly(Path);
        try
        {
            using var lookup = store.CreateLookup();
            return lookup.Texts(ids);
        }
        finally
        {
            idle.Add(store);
        }
    }
    /// <summary>
    /// Whether the record of an index entry can affect the version, judged from its bounds alone (see
    /// <see cref="OsvBounds"/>); entries without readable bounds, and packages without a version, always can.
    /// </summary>
    private static bool MayAffect(IndexEntry entry, string ecosystem, string version) =>
        version.Length == 0
        || entry.Bounds is not { } bounds
        || OsvBounds.Decode(bounds) is not { } affected
        || OsvMatcher.Default.MayAffect(affected, ecosystem, version);

    public void Dispose()
    {
        while (idle.TryTake(out var store))
        {
            store.Dispose();
        }
    }
}
