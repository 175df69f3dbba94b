using System.Data.Common;
using System.Text;

namespace Shipgate.Gate.Audit;

/// <summary>
/// <see cref="IAuditLog"/> over the <see cref="AuditSchema"/> tables. Each append, inside the caller's transaction:
/// takes the append lock (PostgreSQL: <c>pg_advisory_xact_lock</c>; SQLite: the caller's <c>BEGIN IMMEDIATE</c>
/// write transaction already excludes other writers), assigns the next sequence number, stores the canonical entry and
/// its leaf hash, stores each perfect subtree the new leaf completes, and, when a <see cref="CheckpointSigner"/> is
/// given, the new tree head with its MAC and, every <see cref="AuditCheckpointPolicy.Every"/> entries, a signed
/// checkpoint (the tail in between is signed later, only as far as a head with a valid MAC reaches).
/// Any failure throws <see cref="AuditLogException"/> and the caller's transaction must roll back (fail-closed).
/// </summary>
public sealed class MerkleAuditLog : IAuditLog
{
    private readonly DatabaseProvider _provider;
    private readonly TimeProvider _time;
    private readonly CheckpointSigner? _signer;
    private readonly int _every;

    /// <summary>A log without tree heads or checkpoints; checkpoints are then signed on demand by <see cref="SqlAuditReader"/>.</summary>
    public MerkleAuditLog(DatabaseProvider provider, TimeProvider time)
        : this(provider, time, null)
    {
    }

    /// <summary>
    /// A log that stores a MAC'd tree head with every entry and signs checkpoints as <paramref name="policy"/> says
    /// (null: <see cref="AuditCheckpointPolicy.EveryEntry"/>).
    /// </summary>
    public MerkleAuditLog(DatabaseProvider provider, TimeProvider time, CheckpointSigner? signer, AuditCheckpointPolicy? policy = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        _provider = provider;
        _time = time;
        _signer = signer;
        _every = Math.Max(1, (policy ?? AuditCheckpointPolicy.EveryEntry).Every);
    }

    public async Task<long> AppendAsync(AuditEvent auditEvent, DbTransaction transaction, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        ArgumentNullException.ThrowIfNull(transaction);
        var connection = transaction.Connection ?? throw new AuditLogException("the audit transaction has no connection (already committed or rolled back?)");
        try
        {
            return await AppendCoreAsync(auditEvent, connection, transaction, cancellationToken).ConfigureAwait(false);
        }
        catch (DbException ex)
        {
            throw new AuditLogException($"audit entry '{auditEvent.Type}' could not be written: {ex.Message}", ex);
        }
    }

    private async Task<long> AppendCoreAsync(AuditEvent auditEvent, DbConnection connection, DbTransaction transaction, CancellationToken token)
    {
        if (_provider == DatabaseProvider.Postgres)
        {
            await using var lockCommand = AuditStore.Command(connection, transaction, "SELECT pg_advisory_xact_lock(@key)", ("@key", AuditSchema.PostgresLockKey));
            await lockCommand.ExecuteNonQueryAsync(token).ConfigureAwait(false);
        }

        var seq = await AuditStore.TreeSizeAsync(connection, transaction, token).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        var canonical = new AuditEntry(seq, now, auditEvent).ToCanonicalJson();
        var bytes = Encoding.UTF8.GetBytes(canonical);
        if (bytes.Length > AuditEntry.MaxCanonicalBytes)
        {
            throw new AuditLogException($"audit entry '{auditEvent.Type}' is {bytes.Length} bytes, over the {AuditEntry.MaxCanonicalBytes}-byte limit");
        }

        var leaf = MerkleTree.HashLeaf(bytes);
        await using (var insert = AuditStore.Command(connection, transaction,
            "INSERT INTO audit_entries (seq, recorded_at, entry, leaf_hash) VALUES (@seq, @at, @entry, @leaf)",
            ("@seq", seq), ("@at", AuditEntry.FormatTime(now)), ("@entry", canonical), ("@leaf", leaf)))
        {
            await insert.ExecuteNonQueryAsync(token).ConfigureAwait(false);
        }

        // The new leaf completes one perfect subtree per trailing 1-bit of its index.
        var hash = leaf;
        var level = 0;
        var index = seq;
        while ((index & 1) == 1)
        {
            var left = await AuditStore.PerfectNodeAsync(connection, transaction, level, index - 1, token).ConfigureAwait(false);
            hash = MerkleTree.HashChildren(left, hash);
            level++;
            index >>= 1;
            await using var node = AuditStore.Command(connection, transaction,
                "INSERT INTO audit_nodes (level, idx, hash) VALUES (@level, @idx, @hash)", ("@level", level), ("@idx", index), ("@hash", hash));
            await node.ExecuteNonQueryAsync(token).ConfigureAwait(false);
        }

        if (_signer is not null)
        {
            var size = seq + 1;
            var root = (await AuditStore.FrontierAsync(connection, transaction, size, token).ConfigureAwait(false)).Root();
            await using (var head = AuditStore.Command(connection, transaction,
                "INSERT INTO audit_heads (tree_size, root_hash, mac) VALUES (@size, @root, @mac)",
                ("@size", size), ("@root", root), ("@mac", _signer.MacTreeHead(size, root))))
            {
                await head.ExecuteNonQueryAsync(token).ConfigureAwait(false);
            }

            if (size % _every == 0)
            {
                await AuditStore.InsertCheckpointAsync(connection, transaction, _provider, _signer.Sign(new Checkpoint(size, root, now)), token).ConfigureAwait(false);
            }
        }

        return seq;
    }
}
