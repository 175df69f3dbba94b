namespace Shipgate.Gate.Audit;

/// <summary>
/// The audit tables, for SQLite and PostgreSQL. All three are append-only, enforced by the database:
/// <list type="bullet">
/// <item><c>audit_entries(seq, recorded_at, entry, leaf_hash)</c>: one row per entry; <c>entry</c> is the canonical JSON,
/// <c>leaf_hash</c> its RFC 6962 leaf hash; an insert must take exactly the next sequence number.</item>
/// <item><c>audit_nodes(level, idx, hash)</c>: every completed perfect subtree above the leaves, so proofs and roots
/// read O(log n) rows instead of every leaf.</item>
/// <item><c>audit_checkpoints(tree_size, root_hash, signed_at, key_id, signature)</c>: signed checkpoints (every N
/// entries, on a timer, and on demand for exports; see <see cref="AuditCheckpointPolicy"/>).</item>
/// <item><c>audit_heads(tree_size, root_hash, mac)</c>: the tree head after each append with its HMAC (see
/// <see cref="CheckpointSigner.MacTreeHead"/>), so a checkpoint signed later covers only what the log wrote.</item>
/// </list>
/// Triggers refuse UPDATE and DELETE on all four (and TRUNCATE on PostgreSQL). Someone who can drop triggers can
/// still edit rows; that is what the Merkle tree and the signed checkpoints catch. Every statement is idempotent.
/// </summary>
public static class AuditSchema
{
    /// <summary>The advisory lock key serialising audit appends (and this migration) on PostgreSQL: "SGAUDIT1" as a big-endian int64.</summary>
    public const long PostgresLockKey = 0x5347_4155_4449_5431;

    /// <summary>SQL that creates the audit tables and their guards if missing. Run it as one batch at start-up.</summary>
    public static string Migration(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => Sqlite,
        DatabaseProvider.Postgres => Postgres,
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "unknown database provider"),
    };

    private const string Sqlite = """
        CREATE TABLE IF NOT EXISTS audit_entries (
            seq         INTEGER PRIMARY KEY CHECK (seq >= 0),
            recorded_at TEXT    NOT NULL,
            entry       TEXT    NOT NULL,
            leaf_hash   BLOB    NOT NULL CHECK (length(leaf_hash) = 32)
        );
        CREATE TABLE IF NOT EXISTS audit_nodes (
            level INTEGER NOT NULL CHECK (level >= 1),
            idx   INTEGER NOT NULL CHECK (idx >= 0),
            hash  BLOB    NOT NULL CHECK (length(hash) = 32),
            PRIMARY KEY (level, idx)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS audit_checkpoints (
            tree_size INTEGER PRIMARY KEY CHECK (tree_size >= 0),
            root_hash BLOB    NOT NULL CHECK (length(root_hash) = 32),
            signed_at TEXT    NOT NULL,
            key_id    TEXT    NOT NULL,
            signature BLOB    NOT NULL
        );
        CREATE TABLE IF NOT EXISTS audit_heads (
            tree_size INTEGER PRIMARY KEY CHECK (tree_size >= 1),
            root_hash BLOB    NOT NULL CHECK (length(root_hash) = 32),
            mac       BLOB    NOT NULL CHECK (length(mac) = 32)
        );
        CREATE TRIGGER IF NOT EXISTS audit_entries_next_seq BEFORE INSERT ON audit_entries
            WHEN NEW.seq <> (SELECT COALESCE(MAX(seq), -1) + 1 FROM audit_entries)
            BEGIN SELECT RAISE(ABORT, 'audit_entries: sequence numbers must be contiguous'); END;
        CREATE TRIGGER IF NOT EXISTS audit_entries_no_update BEFORE UPDATE ON audit_entries
            BEGIN SELECT RAISE(ABORT, 'audit_entries is append-only: UPDATE refused'); END;
        CREATE TRIGGER IF NOT EXISTS audit_entries_no_delete BEFORE DELETE ON audit_entries
            BEGIN SELECT RAISE(ABORT, 'audit_entries is append-only: DELETE refused'); END;
        CREATE TRIGGER IF NOT EXISTS audit_nodes_no_update BEFORE UPDATE ON audit_nodes
            BEGIN SELECT RAISE(ABORT, 'audit_nodes is append-only: UPDATE refused'); END;
        CREATE TRIGGER IF NOT EXISTS audit_nodes_no_delete BEFORE DELETE ON audit_nodes
            BEGIN SELECT RAISE(ABORT, 'audit_nodes is append-only: DELETE refused'); END;
        CREATE TRIGGER IF NOT EXISTS audit_checkpoints_no_update BEFORE UPDATE ON audit_checkpoints
            BEGIN SELECT RAISE(ABORT, 'audit_checkpoints is append-only: UPDATE refused'); END;
        CREATE TRIGGER IF NOT EXISTS audit_checkpoints_no_delete BEFORE DELETE ON audit_checkpoints
            BEGIN SELECT RAISE(ABORT, 'audit_checkpoints is append-only: DELETE refused'); END;
        CREATE TRIGGER IF NOT EXISTS audit_heads_no_update BEFORE UPDATE ON audit_heads
            BEGIN SELECT RAISE(ABORT, 'audit_heads is append-only: UPDATE refused'); END;
        CREATE TRIGGER IF NOT EXISTS audit_heads_no_delete BEFORE DELETE ON audit_heads
            BEGIN SELECT RAISE(ABORT, 'audit_heads is append-only: DELETE refused'); END;
        """;

    // Npgsql runs a multi-statement batch in one implicit transaction, so the advisory lock below makes
    // concurrent start-ups of several replicas run this migration one after the other.
    private const string Postgres = """
        SELECT pg_advisory_xact_lock(6000836862968157233);
        CREATE TABLE IF NOT EXISTS audit_entries (
            seq         BIGINT PRIMARY KEY CHECK (seq >= 0),
            recorded_at TEXT   NOT NULL,
            entry       TEXT   NOT NULL,
            leaf_hash   BYTEA  NOT NULL CHECK (octet_length(leaf_hash) = 32)
        );
        CREATE TABLE IF NOT EXISTS audit_nodes (
            level INTEGER NOT NULL CHECK (level >= 1),
            idx   BIGINT  NOT NULL CHECK (idx >= 0),
            hash  BYTEA   NOT NULL CHECK (octet_length(hash) = 32),
            PRIMARY KEY (level, idx)
        );
        CREATE TABLE IF NOT EXISTS audit_checkpoints (
            tree_size BIGINT PRIMARY KEY CHECK (tree_size >= 0),
            root_hash BYTEA  NOT NULL CHECK (octet_length(root_hash) = 32),
            signed_at TEXT   NOT NULL,
            key_id    TEXT   NOT NULL,
            signature BYTEA  NOT NULL
        );
        CREATE TABLE IF NOT EXISTS audit_heads (
            tree_size BIGINT PRIMARY KEY CHECK (tree_size >= 1),
            root_hash BYTEA  NOT NULL CHECK (octet_length(root_hash) = 32),
            mac       BYTEA  NOT NULL CHECK (octet_length(mac) = 32)
        );
        CREATE OR REPLACE FUNCTION shipgate_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
        END $$;
        CREATE OR REPLACE FUNCTION shipgate_audit_next_seq() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF NEW.seq <> (SELECT COALESCE(MAX(seq), -1) + 1 FROM audit_entries) THEN
                RAISE EXCEPTION 'audit_entries: sequence numbers must be contiguous (got %)', NEW.seq USING ERRCODE = 'integrity_constraint_violation';
            END IF;
            RETURN NEW;
        END $$;
        CREATE OR REPLACE TRIGGER audit_entries_next_seq BEFORE INSERT ON audit_entries
            FOR EACH ROW EXECUTE FUNCTION shipgate_audit_next_seq();
        CREATE OR REPLACE TRIGGER audit_entries_no_change BEFORE UPDATE OR DELETE ON audit_entries
            FOR EACH ROW EXECUTE FUNCTION shipgate_audit_append_only();
        CREATE OR REPLACE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON audit_entries
            FOR EACH STATEMENT EXECUTE FUNCTION shipgate_audit_append_only();
        CREATE OR REPLACE TRIGGER audit_nodes_no_change BEFORE UPDATE OR DELETE ON audit_nodes
            FOR EACH ROW EXECUTE FUNCTION shipgate_audit_append_only();
        CREATE OR REPLACE TRIGGER audit_nodes_no_truncate BEFORE TRUNCATE ON audit_nodes
            FOR EACH STATEMENT EXECUTE FUNCTION shipgate_audit_append_only();
        CREATE OR REPLACE TRIGGER audit_checkpoints_no_change BEFORE UPDATE OR DELETE ON audit_checkpoints
            FOR EACH ROW EXECUTE FUNCTION shipgate_audit_append_only();
        CREATE OR REPLACE TRIGGER audit_checkpoints_no_truncate BEFORE TRUNCATE ON audit_checkpoints
            FOR EACH STATEMENT EXECUTE FUNCTION shipgate_audit_append_only();
        CREATE OR REPLACE TRIGGER audit_heads_no_change BEFORE UPDATE OR DELETE ON audit_heads
            FOR EACH ROW EXECUTE FUNCTION shipgate_audit_append_only();
        CREATE OR REPLACE TRIGGER audit_heads_no_truncate BEFORE TRUNCATE ON audit_heads
            FOR EACH STATEMENT EXECUTE FUNCTION shipgate_audit_append_only();
        """;
}
