using System.Data.Common;

namespace Shipgate.Gate.Audit;

/// <summary>
/// <see cref="IAuditReader"/> over the audit tables. Entries and nodes never change once written, so every read is
/// bounded by a tree size taken first and needs no snapshot isolation. Proofs read O(log² n) stored nodes.
/// </summary>
public sealed class SqlAuditReader : IAuditReader
{
    /// <summary>Largest page <see cref="GetEntriesAsync"/> returns.</summary>
    public const int MaxPageSize = 1000;

    private readonly AuditConnectionFactory _connections;
    private readonly CheckpointSigner _signer;
    private readonly TimeProvider _time;
    private readonly bool _signOnDemand;
    private readonly int _exportCheckpointEvery;

    /// <param name="connections">Where the audit tables are.</param>
    /// <param name="signer">The checkpoint key (for the empty tree, and on demand).</param>
    /// <param name="time">Clock for checkpoints signed here.</param>
    /// <param name="signOnDemand">
    /// False (default) for a <see cref="MerkleAuditLog"/> with a signer: the reader signs an unsigned tail only as far
    /// as a tree head with a valid MAC reaches, so rows added behind the log's back stay uncovered and the verifier
    /// reports them. True for a log without a signer: the current tree is signed, as stored, when asked for.
    /// </param>
    /// <param name="exportCheckpointEvery">
    /// Exports carry the stored checkpoints whose tree size is a multiple of this (and always the final one): 1 keeps
    /// them all; the service passes <see cref="AuditCheckpointPolicy.Every"/>, so a log written with a checkpoint per
    /// entry (before sparse checkpoints) still exports in the shape that verifies quickly.
    /// </param>
    public SqlAuditReader(AuditConnectionFactory connections, CheckpointSigner signer, TimeProvider time, bool signOnDemand = false, int exportCheckpointEvery = 1)
    {
        ArgumentNullException.ThrowIfNull(connections);
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(time);
        _connections = connections;
        _signer = signer;
        _time = time;
        _signOnDemand = signOnDemand;
        _exportCheckpointEvery = Math.Max(1, exportCheckpointEvery);
    }

    public async Task<long> GetTreeSizeAsync(CancellationToken cancellationToken = default)
    {
        var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await AuditStore.TreeSizeAsync(connection, null, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<IReadOnlyList<StoredAuditEntry>> GetEntriesAsync(long since, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(since);
        limit = Math.Clamp(limit, 1, MaxPageSize);
        var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var command = AuditStore.Command(connection, null,
                "SELECT seq, entry, leaf_hash FROM audit_entries WHERE seq >= @since ORDER BY seq LIMIT @limit", ("@since", since), ("@limit", limit));
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                var entries = new List<StoredAuditEntry>();
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    entries.Add(new StoredAuditEntry(reader.GetInt64(0), reader.GetString(1), reader.GetFieldValue<byte[]>(2)));
                }

                return entries;
            }
        }
    }

    public async Task<long> GetFirstSequenceAtOrAfterAsync(DateTimeOffset time, CancellationToken cancellationToken = default)
    {
        // recorded_at is fixed-width RFC 3339 UTC, so byte order is time order ("C" collation on PostgreSQL).
        var collate = _connections.Provider == DatabaseProvider.Postgres ? " COLLATE \"C\"" : "";
        var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var command = AuditStore.Command(connection, null,
                $"SELECT MIN(seq) FROM audit_entries WHERE recorded_at{collate} >= @at", ("@at", AuditEntry.FormatTime(time)));
            var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return value is null or DBNull
                ? await AuditStore.TreeSizeAsync(connection, null, cancellationToken).ConfigureAwait(false)
                : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    public async Task<SignedCheckpoint> GetLatestCheckpointAsync(CancellationToken cancellationToken = default)
    {
        var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await EnsureCheckpointAsync(connection, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The checkpoint of the current tree, signing it now when none is stored: over the root the database yields
    /// (<c>signOnDemand</c>), or else over the newest tree head whose MAC shows the log wrote it. Without such a head
    /// the newest stored checkpoint is returned, so rows written behind the log's back stay uncovered.
    /// </summary>
    private async Task<SignedCheckpoint> EnsureCheckpointAsync(DbConnection connection, CancellationToken token)
    {
        var size = await AuditStore.TreeSizeAsync(connection, null, token).ConfigureAwait(false);
        SignedCheckpoint? latest = null;
        await using (var command = AuditStore.Command(connection, null,
            $"SELECT {AuditStore.CheckpointColumns} FROM audit_checkpoints WHERE tree_size <= @size ORDER BY tree_size DESC LIMIT 1", ("@size", size)))
        {
            var reader = await command.ExecuteReaderAsync(token).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                if (await reader.ReadAsync(token).ConfigureAwait(false))
                {
                    latest = AuditStore.ReadCheckpoint(reader, 0);
                }
            }
        }

        if (latest is not null && latest.Checkpoint.TreeSize == size)
        {
            return latest;
        }

        Checkpoint? unsigned = null;
        if (_signOnDemand || size == 0)
        {
            var frontier = await AuditStore.FrontierAsync(connection, null, size, token).ConfigureAwait(false);
            unsigned = new Checkpoint(size, frontier.Root(), _time.GetUtcNow());
        }
        else if (await NewestGenuineHeadAsync(connection, latest?.Checkpoint.TreeSize ?? 0, size, token).ConfigureAwait(false) is var (headSize, headRoot))
        {
            unsigned = new Checkpoint(headSize, headRoot, _time.GetUtcNow());
        }

        if (unsigned is null)
        {
            return latest ?? throw new AuditLogException($"the audit log holds {size} entries but no signed checkpoint or genuine tree head; was it written without a signer?");
        }

        var signed = _signer.Sign(unsigned);
        await AuditStore.InsertCheckpointAsync(connection, null, _connections.Provider, signed, token).ConfigureAwait(false);
        return signed;
    }

    /// <summary>
    /// A signed checkpoint of exactly <paramref name="size"/> entries: the stored one, or one signed now over the tree
    /// head the log stored for that size (its MAC must verify), or over the stored nodes when signing on demand.
    /// </summary>
    private async Task<SignedCheckpoint> CheckpointOfAsync(DbConnection connection, long size, CancellationToken token)
    {
        var current = await AuditStore.TreeSizeAsync(connection, null, token).ConfigureAwait(false);
        if (size < 0 || size > current)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, $"until must be in [0, {current}]");
        }

        await using (var command = AuditStore.Command(connection, null, $"SELECT {AuditStore.CheckpointColumns} FROM audit_checkpoints WHERE tree_size = @size", ("@size", size)))
        {
            var reader = await command.ExecuteReaderAsync(token).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                if (await reader.ReadAsync(token).ConfigureAwait(false))
                {
                    return AuditStore.ReadCheckpoint(reader, 0);
                }
            }
        }

        byte[] root;
        if (_signOnDemand || size == 0)
        {
            root = (await AuditStore.FrontierAsync(connection, null, size, token).ConfigureAwait(false)).Root();
        }
        else if (await NewestGenuineHeadAsync(connection, size - 1, size, token).ConfigureAwait(false) is var (_, headRoot))
        {
            root = headRoot;
        }
        else
        {
            throw new AuditLogException($"the audit log has no signed checkpoint and no genuine tree head for tree size {size}");
        }

        var signed = _signer.Sign(new Checkpoint(size, root, _time.GetUtcNow()));
        await AuditStore.InsertCheckpointAsync(connection, null, _connections.Provider, signed, token).ConfigureAwait(false);
        return signed;
    }

    /// <summary>The newest tree head in (<paramref name="after"/>, <paramref name="size"/>] carrying a valid MAC.</summary>
    private async Task<(long Size, byte[] Root)?> NewestGenuineHeadAsync(DbConnection connection, long after, long size, CancellationToken token)
    {
        await using var command = AuditStore.Command(connection, null,
            "SELECT tree_size, root_hash, mac FROM audit_heads WHERE tree_size > @after AND tree_size <= @size ORDER BY tree_size DESC",
            ("@after", after), ("@size", size));
        var reader = await command.ExecuteReaderAsync(token).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(token).ConfigureAwait(false))
            {
                var headSize = reader.GetInt64(0);
                var root = reader.GetFieldValue<byte[]>(1);
                if (root.Length == MerkleTree.HashSize && _signer.VerifyTreeHead(headSize, root, reader.GetFieldValue<byte[]>(2)))
                {
                    return (headSize, root);
                }
            }
        }

        return null;
    }

    public async Task<InclusionProof> GetInclusionProofAsync(long index, long treeSize, CancellationToken cancellationToken = default)
    {
        var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var size = await AuditStore.TreeSizeAsync(connection, null, cancellationToken).ConfigureAwait(false);
            if (treeSize < 1 || treeSize > size)
            {
                throw new ArgumentOutOfRangeException(nameof(treeSize), treeSize, $"tree size must be in [1, {size}]");
            }

            if (index < 0 || index >= treeSize)
            {
                throw new ArgumentOutOfRangeException(nameof(index), index, $"index must be in [0, {treeSize})");
            }

            byte[] Node(int level, long i) => AuditStore.PerfectNode(connection, level, i);
            var path = MerkleTree.InclusionProof(index, treeSize, Node);
            return new InclusionProof(index, treeSize, Node(0, index), MerkleTree.RangeHash(0, treeSize, Node), path);
        }
    }

    public async Task<ConsistencyProof> GetConsistencyProofAsync(long first, long second, CancellationToken cancellationToken = default)
    {
        var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var size = await AuditStore.TreeSizeAsync(connection, null, cancellationToken).ConfigureAwait(false);
            if (second < 0 || second > size)
            {
                throw new ArgumentOutOfRangeException(nameof(second), second, $"second must be in [0, {size}]");
            }

            if (first < 0 || first > second)
            {
                throw new ArgumentOutOfRangeException(nameof(first), first, $"first must be in [0, {second}]");
            }

            byte[] Node(int level, long i) => AuditStore.PerfectNode(connection, level, i);
            var proof = MerkleTree.ConsistencyProof(first, second, Node);
            return new ConsistencyProof(first, second, MerkleTree.RangeHash(0, first, Node), MerkleTree.RangeHash(0, second, Node), proof);
        }
    }

    public Task WriteExportAsync(Stream output, long since, AuditExportFormat format, CancellationToken cancellationToken = default) =>
        WriteExportAsync(output, since, null, format, cancellationToken);

    public async Task WriteExportAsync(Stream output, long since, long? until, AuditExportFormat format, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentOutOfRangeException.ThrowIfNegative(since);
        var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            // Pin the end first. Normally the final checkpoint covers every entry; rows beyond it (written behind the
            // log's back) are exported too, so the verifier reports them as not covered by a signature.
            SignedCheckpoint final;
            long end;
            if (until is { } last)
            {
                final = await CheckpointOfAsync(connection, last, cancellationToken).ConfigureAwait(false);
                end = last;
            }
            else
            {
                final = await EnsureCheckpointAsync(connection, cancellationToken).ConfigureAwait(false);
                end = Math.Max(final.Checkpoint.TreeSize, await AuditStore.TreeSizeAsync(connection, null, cancellationToken).ConfigureAwait(false));
            }

            since = Math.Min(since, end);
            var finalWritten = false;
            using var writer = new AuditExportWriter(output, format, "urn:shipgate:audit:" + _signer.KeyId);
            await writer.WritePrefixAsync(await AuditStore.FrontierAsync(connection, null, since, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

            await using (var command = AuditStore.Command(connection, null,
                $"""
                SELECT e.seq, e.entry, e.leaf_hash, c.tree_size, c.root_hash, c.signed_at, c.key_id, c.signature
                FROM audit_entries e LEFT JOIN audit_checkpoints c ON c.tree_size = e.seq + 1
                WHERE e.seq >= @since AND e.seq < @end ORDER BY e.seq
                """, ("@since", since), ("@end", end)))
            {
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        var seq = reader.GetInt64(0);
                        await writer.WriteEntryAsync(new StoredAuditEntry(seq, reader.GetString(1), reader.GetFieldValue<byte[]>(2)), cancellationToken).ConfigureAwait(false);
                        if (!reader.IsDBNull(3) && ((seq + 1) % _exportCheckpointEvery == 0 || seq + 1 == final.Checkpoint.TreeSize))
                        {
                            var checkpoint = AuditStore.ReadCheckpoint(reader, 3);
                            finalWritten |= checkpoint.Checkpoint.TreeSize == final.Checkpoint.TreeSize;
                            await writer.WriteCheckpointAsync(checkpoint, cancellationToken).ConfigureAwait(false);
                        }
                    }
                }
            }

            if (!finalWritten && final.Checkpoint.TreeSize == end)
            {
                await writer.WriteCheckpointAsync(final, cancellationToken).ConfigureAwait(false);
            }

            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
