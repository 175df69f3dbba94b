using System.Data.Common;
using System.Globalization;

namespace Shipgate.Gate.Audit;

/// <summary>The SQL behind the audit log and its reader; the same statements run on SQLite and PostgreSQL.</summary>
internal static class AuditStore
{
    public static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // Every statement is a constant; values go through parameters.
        command.CommandText = sql;
#pragma warning restore CA2100
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    public static async Task<long> TreeSizeAsync(DbConnection connection, DbTransaction? transaction, CancellationToken token)
    {
        await using var command = Command(connection, transaction, "SELECT COALESCE(MAX(seq) + 1, 0) FROM audit_entries");
        return Convert.ToInt64(await command.ExecuteScalarAsync(token).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    /// <summary>The hash of the perfect subtree (level, index): a leaf hash at level 0, a stored node above.</summary>
    public static async Task<byte[]> PerfectNodeAsync(DbConnection connection, DbTransaction? transaction, int level, long index, CancellationToken token)
    {
        await using var command = level == 0
            ? Command(connection, transaction, "SELECT leaf_hash FROM audit_entries WHERE seq = @idx", ("@idx", index))
            : Command(connection, transaction, "SELECT hash FROM audit_nodes WHERE level = @level AND idx = @idx", ("@level", level), ("@idx", index));
        var value = await command.ExecuteScalarAsync(token).ConfigureAwait(false);
        return value as byte[] is { Length: MerkleTree.HashSize } hash
            ? hash
            : throw new AuditLogException($"audit tree node (level {level}, index {index}) is missing or malformed");
    }

    /// <summary>Synchronous node lookup for <see cref="MerkleTree"/>'s proof builders.</summary>
    public static byte[] PerfectNode(DbConnection connection, int level, long index) =>
        PerfectNodeAsync(connection, null, level, index, CancellationToken.None).GetAwaiter().GetResult();

    public static async Task<MerkleFrontier> FrontierAsync(DbConnection connection, DbTransaction? transaction, long size, CancellationToken token)
    {
        var hashes = new List<byte[]>();
        foreach (var (level, index) in MerkleFrontier.PositionsOf(size))
        {
            hashes.Add(await PerfectNodeAsync(connection, transaction, level, index, token).ConfigureAwait(false));
        }

        return MerkleFrontier.FromNodes(size, hashes);
    }

    public static async Task InsertCheckpointAsync(DbConnection connection, DbTransaction? transaction, DatabaseProvider provider, SignedCheckpoint signed, CancellationToken token)
    {
        var sql = provider == DatabaseProvider.Sqlite
            ? "INSERT OR IGNORE INTO audit_checkpoints (tree_size, root_hash, signed_at, key_id, signature) VALUES (@size, @root, @at, @key, @sig)"
            : "INSERT INTO audit_checkpoints (tree_size, root_hash, signed_at, key_id, signature) VALUES (@size, @root, @at, @key, @sig) ON CONFLICT (tree_size) DO NOTHING";
        await using var command = Command(connection, transaction, sql,
            ("@size", signed.Checkpoint.TreeSize), ("@root", signed.Checkpoint.RootHash), ("@at", AuditEntry.FormatTime(signed.Checkpoint.Timestamp)),
            ("@key", signed.KeyId), ("@sig", signed.Signature));
        await command.ExecuteNonQueryAsync(token).ConfigureAwait(false);
    }

    public static SignedCheckpoint ReadCheckpoint(DbDataReader reader, int offset)
    {
        var size = reader.GetInt64(offset);
        var root = reader.GetFieldValue<byte[]>(offset + 1);
        if (!AuditEntry.TryParseTime(reader.GetString(offset + 2), out var at))
        {
            throw new AuditLogException($"audit checkpoint {size} has a malformed timestamp");
        }

        return new SignedCheckpoint(new Checkpoint(size, root, at), reader.GetString(offset + 3), reader.GetFieldValue<byte[]>(offset + 4));
    }

    public const string CheckpointColumns = "tree_size, root_hash, signed_at, key_id, signature";
}

/// <summary>The audit log could not do what was asked (an entry could not be written, or stored data is malformed).</summary>
public sealed class AuditLogException : Exception
{
    public AuditLogException(string message)
        : base(message)
    {
    }

    public AuditLogException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public AuditLogException()
    {
    }
}
