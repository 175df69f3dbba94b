using System.Data.Common;

namespace Shipgate.Gate.Audit;

/// <summary>
/// The append-only, tamper-evident audit log (an RFC 6962 Merkle tree over canonical entries, with signed checkpoints).
/// Appends happen inside the caller's database transaction, so a state change and its audit record commit together
/// or not at all (fail-closed): if the entry cannot be written the call throws and the caller's transaction rolls back.
/// Appends are serialised (SQLite: the write transaction; PostgreSQL: a transaction-scoped advisory lock), so several
/// service replicas sharing one PostgreSQL database keep one consistent log.
/// </summary>
public interface IAuditLog
{
    /// <summary>Appends <paramref name="auditEvent"/> in <paramref name="transaction"/>; returns its sequence number (0-based leaf index).</summary>
    Task<long> AppendAsync(AuditEvent auditEvent, DbTransaction transaction, CancellationToken cancellationToken = default);
}

/// <summary>Which SQL dialect a gate database speaks.</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
