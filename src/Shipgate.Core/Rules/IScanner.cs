namespace Shipgate.Core;

/// <summary>
/// A domain's single entry point into the engine: which files it claims and how it scans one.
/// The engine knows no domain by name; adding a domain means adding one of these to the list the CLI builds.
/// Implementations must be thread-safe: the engine calls <see cref="ScanAsync"/> for many files at once.
/// </summary>
public interface IScanner
{
    Category Category { get; }

    /// <summary>Every rule this scanner can report, for <c>rules list</c>, SARIF and the catalogue tests.</summary>
    IReadOnlyList<IRule> Rules { get; }

    /// <summary>
    /// Same-line markers that silence every rule of this scanner (for migrating teams: <c>gitleaks:allow</c>).
    /// The engine's own <c>shipgate:ignore</c> marker always works.
    /// </summary>
    IReadOnlyList<string> InlineAllowMarkers => [];

    /// <summary>Whether this scanner wants the file. Decide on the name and path; read content only if unavoidable.</summary>
    bool Claims(ScanFile file);

    /// <summary>Scans one file. Malformed input throws <see cref="InputFormatException"/>; anything else is a bug reported as an error.</summary>
    ValueTask<IReadOnlyList<Finding>> ScanAsync(ScanFile file, RuleContext context, CancellationToken cancellationToken);
}
