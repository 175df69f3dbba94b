namespace Shipgate.Gate.Audit;

/// <summary>
/// How long audit entries must be kept (default 7 years). The log is append-only and nothing is ever pruned:
/// the retention period says how long an archive (an <c>audit export</c>, which verifies on its own) must be kept,
/// and lets operators see which entries are past it. Pruning would need a signed "retention" checkpoint and is not implemented.
/// </summary>
public sealed record AuditRetention(int Years = AuditRetention.DefaultYears)
{
    public const int DefaultYears = 7;

    /// <summary>Entries recorded before this instant are past retention (archive them; the log still keeps them).</summary>
    public DateTimeOffset Cutoff(DateTimeOffset now) => now.ToUniversalTime().AddYears(-Years);
}
