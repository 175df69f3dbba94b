namespace Shipgate.Dependencies.Osv;

/// <summary>
/// Where OSV records come from for a scan: the offline store (<see cref="OsvDatabase"/>) or the OSV API
/// (<c>OsvApiClient</c>). Implementations are thread-safe; the scanner asks once per lockfile.
/// </summary>
public interface IAdvisorySource
{
    /// <summary>
    /// The candidate records for each package, aligned with <paramref name="packages"/> (version filtering is the
    /// matcher's job; a source may leave out records it knows cannot affect the package's version, never others).
    /// </summary>
    ValueTask<IReadOnlyList<IReadOnlyList<OsvRecord>>> FindAsync(IReadOnlyList<Package> packages, CancellationToken cancellationToken);
}

/// <summary>
/// Where the free text of OSV records (details, references) comes from: the offline store keeps it apart from what
/// matching reads. Only SBOMs ask, for the records they list. Implementations are thread-safe.
/// </summary>
public interface IAdvisoryTextSource
{
    /// <summary>The text of those of <paramref name="ids"/> that have any.</summary>
    IReadOnlyDictionary<string, OsvText> FindTexts(IReadOnlyCollection<string> ids);
}
