using System.Collections.Concurrent;

namespace Shipgate.Dependencies.Osv;

/// <summary>
/// Thread-safe read access to the offline store for scans. <see cref="Open"/> checks the file once (missing,
/// corrupt and incompatible files throw <see cref="OsvStoreException"/>) and reads only the time of the last import;
/// lookups then rent a read-only connection from a small pool, so parallel lockfiles never share a connection. Each
/// lookup asks the index once per ecosystem for all of a lockfile's names and then reads the records it names in one
/// query; decoded records are cached by id for the rest of the scan, so a monorepo's many lockfiles decode a shared
/// advisory once.
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
            var idsByKey = new Dictionary<(string Ecosystem, string Name), List<string>>();
            foreach (var group in keys.Distinct().GroupBy(k => k.Ecosystem, StringComparer.Ordinal))
            {
                cancellationToken.ThrowIfCancellationRequested();
                foreach (var (name, ids) in lookup.VulnerabilityIds(group.Key, group.Select(k => k.Name)))
                {
                    idsByKey[(group.Key, name)] = ids;
                }
            }

            var records = new Dictionary<string, OsvRecord>(StringComparer.Ordinal);
            var missing = new HashSet<string>(StringComparer.Ordinal);
            foreach (var id in idsByKey.Values.SelectMany(ids => ids))
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
                results[i] = idsByKey.TryGetValue(keys[i], out var ids) ? [.. ids.Select(id => records[id])] : [];
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

    public void Dispose()
    {
        while (idle.TryTake(out var store))
        {
            store.Dispose();
        }
    }
}
