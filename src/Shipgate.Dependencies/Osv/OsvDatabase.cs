using System.Collections.Concurrent;

namespace Shipgate.Dependencies.Osv;

/// <summary>
/// Thread-safe read access to the offline store for scans. <see cref="Open"/> checks the file once (missing,
/// corrupt and incompatible files throw <see cref="OsvStoreException"/>); lookups then rent a read-only connection
/// with a prepared statement from a small pool, so parallel lockfiles never share a connection.
/// </summary>
public sealed class OsvDatabase : IAdvisorySource, IDisposable
{
    private readonly ConcurrentBag<OsvStore> idle = [];

    private OsvDatabase(string path, OsvStoreStatus status)
    {
        Path = path;
        Status = status;
    }

    public string Path { get; }

    /// <summary>The store's counts and import time, read when it was opened.</summary>
    public OsvStoreStatus Status { get; }

    public static OsvDatabase Open(string path)
    {
        var store = OsvStore.OpenReadOnly(path);
        var database = new OsvDatabase(path, store.Status());
        database.idle.Add(store);
        return database;
    }

    public ValueTask<IReadOnlyList<IReadOnlyList<OsvRecord>>> FindAsync(IReadOnlyList<Package> packages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(packages);
        var store = idle.TryTake(out var pooled) ? pooled : OsvStore.OpenReadOnly(Path);
        try
        {
            using var lookup = store.CreateLookup();
            var results = new IReadOnlyList<OsvRecord>[packages.Count];
            var cache = new Dictionary<(string, string), List<OsvRecord>>();
            for (var i = 0; i < packages.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var key = OsvNames.KeyOf(packages[i]);
                if (!cache.TryGetValue(key, out var records))
                {
                    records = lookup.Find(Path, key.Ecosystem, key.Name);
                    cache[key] = records;
                }

                results[i] = records;
            }

            return ValueTask.FromResult<IReadOnlyList<IReadOnlyList<OsvRecord>>>(results);
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
