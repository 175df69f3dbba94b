namespace Shipgate.Gate.Audit;

/// <summary>
/// When the gate signs audit checkpoints. Every append stores its tree head with a MAC (<see cref="CheckpointSigner.MacTreeHead"/>)
/// in the same transaction as the entry, so nothing the log acknowledged can be altered unnoticed; signatures are the
/// expensive part for auditors (an ECDSA verification each), so they are spread out: one inside the append that
/// completes every <see cref="Every"/>-th entry, one for the unsigned tail at most every <see cref="Interval"/>
/// (<see cref="AuditCheckpointService"/>), and one whenever a checkpoint or an export is asked for. A log of n
/// entries written over a time d thus carries at most n / Every + d / Interval checkpoints, plus one per export.
/// </summary>
/// <param name="Every">Sign inside the append that completes a multiple of this many entries (1 signs every entry).</param>
/// <param name="Interval">Sign the unsigned tail this often; null leaves the tail to the next export or checkpoint request.</param>
public sealed record AuditCheckpointPolicy(int Every = AuditCheckpointPolicy.DefaultEvery, TimeSpan? Interval = null)
{
    /// <summary>Entries per in-append checkpoint by default.</summary>
    public const int DefaultEvery = 256;

    /// <summary>The gate's default: every 256 entries, and the tail at least once a minute.</summary>
    public static AuditCheckpointPolicy Default { get; } = new(DefaultEvery, TimeSpan.FromMinutes(1));

    /// <summary>A signed checkpoint after every entry (exact localisation of any tampering; costly to verify at scale).</summary>
    public static AuditCheckpointPolicy EveryEntry { get; } = new(1);
}
