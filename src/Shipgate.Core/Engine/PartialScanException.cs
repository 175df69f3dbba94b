namespace Shipgate.Core;

/// <summary>
/// Thrown by a scanner that scanned a file only in part (a detector gave up on a pathological stretch): the engine keeps
/// <see cref="Findings"/> and reports <see cref="Exception.Message"/> as a <see cref="ScanError"/>, so nothing found is
/// lost and nothing missed is silent.
/// </summary>
public sealed class PartialScanException : Exception
{
    public PartialScanException(string message, IReadOnlyList<Finding> findings)
        : base(message)
    {
        Findings = findings;
    }

    public PartialScanException()
    {
    }

    public PartialScanException(string message)
        : base(message)
    {
    }

    public PartialScanException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>What was found in the part that was scanned.</summary>
    public IReadOnlyList<Finding> Findings { get; } = [];
}
