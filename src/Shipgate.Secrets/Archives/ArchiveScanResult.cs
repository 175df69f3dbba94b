using Shipgate.Core;

namespace Shipgate.Secrets.Archives;

/// <summary>
/// What scanning one archive produced: the findings from every entry that could be read safely, the guards that
/// tripped (the archive was only partially scanned), and entries skipped by design (binary, nested too deep).
/// </summary>
public sealed record ArchiveScanResult(IReadOnlyList<Finding> Findings, IReadOnlyList<string> GuardTrips, IReadOnlyList<string> Skipped)
{
    public bool IsComplete => GuardTrips.Count == 0;
}

/// <summary>
/// The inner exception of the <see cref="InputFormatException"/> thrown for a partially scanned archive. It carries
/// the findings from the part that was scanned, so a caller that wants them (instead of only the error) can keep them.
/// </summary>
public sealed class ArchivePartiallyScannedException : Exception
{
    public ArchivePartiallyScannedException(ArchiveScanResult result)
        : base(string.Join("; ", result?.GuardTrips ?? []))
    {
        Result = result ?? new ArchiveScanResult([], [], []);
    }

    public ArchivePartiallyScannedException()
        : this(new ArchiveScanResult([], [], []))
    {
    }

    public ArchivePartiallyScannedException(string message)
        : base(message)
    {
        Result = new ArchiveScanResult([], [message], []);
    }

    public ArchivePartiallyScannedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Result = new ArchiveScanResult([], [message], []);
    }

    public ArchiveScanResult Result { get; }
}
