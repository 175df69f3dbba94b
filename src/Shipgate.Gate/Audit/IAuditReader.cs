using System.Data.Common;

namespace Shipgate.Gate.Audit;

/// <summary>
/// Read side of the audit log, behind <c>/api/audit/*</c>: entries, signed checkpoints, proofs and exports.
/// Implemented by <see cref="SqlAuditReader"/> over an <see cref="AuditConnectionFactory"/>.
/// </summary>
public interface IAuditReader
{
    /// <summary>Number of entries in the log.</summary>
    Task<long> GetTreeSizeAsync(CancellationToken cancellationToken = default);

    /// <summary>Up to <paramref name="limit"/> entries from sequence number <paramref name="since"/> on.</summary>
    Task<IReadOnlyList<StoredAuditEntry>> GetEntriesAsync(long since, int limit, CancellationToken cancellationToken = default);

    /// <summary>Sequence number of the first entry recorded at or after <paramref name="time"/> (the tree size when none is).</summary>
    Task<long> GetFirstSequenceAtOrAfterAsync(DateTimeOffset time, CancellationToken cancellationToken = default);

    /// <summary>A signed checkpoint of the whole current log (signed now if the newest stored one is older).</summary>
    Task<SignedCheckpoint> GetLatestCheckpointAsync(CancellationToken cancellationToken = default);

    /// <summary>The audit path of entry <paramref name="index"/> in the tree of <paramref name="treeSize"/> entries.</summary>
    Task<InclusionProof> GetInclusionProofAsync(long index, long treeSize, CancellationToken cancellationToken = default);

    /// <summary>The consistency proof between the trees of <paramref name="first"/> and <paramref name="second"/> entries.</summary>
    Task<ConsistencyProof> GetConsistencyProofAsync(long first, long second, CancellationToken cancellationToken = default);

    /// <summary>Writes a verifiable export of the entries from <paramref name="since"/> on (see <see cref="AuditExportWriter"/>).</summary>
    Task WriteExportAsync(Stream output, long since, AuditExportFormat format, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes a verifiable export of the entries [<paramref name="since"/>, <paramref name="until"/>) (to the end when
    /// null) ending with a signed checkpoint of tree size <paramref name="until"/>: an archive of the entries past
    /// retention, say. Throws <see cref="ArgumentOutOfRangeException"/> for a range outside the log.
    /// </summary>
    Task WriteExportAsync(Stream output, long since, long? until, AuditExportFormat format, CancellationToken cancellationToken = default);
}

/// <summary>An entry as stored: its sequence number, canonical JSON and leaf hash.</summary>
public sealed record StoredAuditEntry(long Sequence, string Canonical, byte[] LeafHash);

/// <summary>RFC 6962 audit path of one leaf, with the root it leads to.</summary>
public sealed record InclusionProof(long Index, long TreeSize, byte[] LeafHash, byte[] RootHash, IReadOnlyList<byte[]> Path);

/// <summary>RFC 6962 consistency proof between two tree sizes, with both roots.</summary>
public sealed record ConsistencyProof(long First, long Second, byte[] FirstRoot, byte[] SecondRoot, IReadOnlyList<byte[]> Proof);

/// <summary>How exports are written.</summary>
public enum AuditExportFormat
{
    /// <summary>The verifiable JSON Lines export read by <c>shipgate audit verify</c>.</summary>
    Jsonl,

    /// <summary>One CloudEvents 1.0 structured-mode JSON event per line, for SIEM ingestion.</summary>
    CloudEvents,
}

/// <summary>
/// How the audit read side reaches the database: a factory of new connections (opened on use) and the SQL dialect.
/// The service registers one as a singleton.
/// </summary>
public sealed class AuditConnectionFactory
{
    private readonly Func<DbConnection> _create;

    public AuditConnectionFactory(Func<DbConnection> create, DatabaseProvider provider)
    {
        ArgumentNullException.ThrowIfNull(create);
        _create = create;
        Provider = provider;
    }

    public DatabaseProvider Provider { get; }

    /// <summary>A new open connection; the caller disposes it.</summary>
    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        var connection = _create();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        }

        return connection;
    }
}
