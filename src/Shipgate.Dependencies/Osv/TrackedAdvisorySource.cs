namespace Shipgate.Dependencies.Osv;

/// <summary>
/// Wraps the advisory source of one scan (or stands in for a missing one) and counts the packages asked about, so the
/// CLI warns about a missing or stale database only when the scan actually had dependencies to check. Thread-safe.
/// </summary>
public sealed class TrackedAdvisorySource(IAdvisorySource? inner) : IAdvisorySource, IAdvisoryTextSource
{
    private long packagesQueried;

    /// <summary>How many (distinct per lockfile) packages the scan asked about.</summary>
    public long PackagesQueried => Interlocked.Read(ref packagesQueried);

    /// <summary>Whether a real source answers; false when the database is missing and every answer is empty.</summary>
    public bool HasSource => inner is not null;

    public async ValueTask<IReadOnlyList<IReadOnlyList<OsvRecord>>> FindAsync(IReadOnlyList<Package> packages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(packages);
        Interlocked.Add(ref packagesQueried, packages.Count);
        if (inner is null)
        {
            return [.. packages.Select(_ => (IReadOnlyList<OsvRecord>)[])];
        }

        return await inner.FindAsync(packages, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The inner source's texts, when it keeps any (the offline store); none otherwise.</summary>
    public IReadOnlyDictionary<string, OsvText> FindTexts(IReadOnlyCollection<string> ids) =>
        inner is IAdvisoryTextSource texts ? texts.FindTexts(ids) : new Dictionary<string, OsvText>();
}
