using Dapper;
using Shipgate.Gate.Audit;

namespace Shipgate.Gate.Infrastructure;

/// <summary>
/// Schema migrations for both providers, applied in order at start-up inside one write transaction (so two replicas
/// starting together apply each step once). The DDL is shared where SQLite and PostgreSQL agree; timestamps are
/// stored as fixed-width UTC ISO-8601 text so they sort and compare the same in both.
/// </summary>
public static class Migrations
{
    private const string V1 = """
        CREATE TABLE tokens (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            role TEXT NOT NULL,
            groups_json TEXT NOT NULL,
            machine INTEGER NOT NULL,
            hash TEXT NOT NULL UNIQUE,
            created_at TEXT NOT NULL,
            created_by TEXT NOT NULL,
            expires_at TEXT NULL,
            revoked_at TEXT NULL,
            revoked_by TEXT NULL);
        CREATE TABLE gate_config (
            version BIGINT PRIMARY KEY,
            yaml TEXT NOT NULL,
            applied_at TEXT NOT NULL,
            applied_by TEXT NOT NULL);
        CREATE TABLE counters (name TEXT PRIMARY KEY, value BIGINT NOT NULL);
        INSERT INTO counters (name, value) VALUES ('deployment', 0);
        CREATE TABLE deployments (
            id BIGINT PRIMARY KEY,
            environment TEXT NOT NULL,
            status TEXT NOT NULL,
            commit_sha TEXT NOT NULL,
            ref TEXT NOT NULL,
            artifact TEXT NULL,
            repository TEXT NULL,
            workflow TEXT NULL,
            run_id TEXT NULL,
            run_number TEXT NULL,
            commit_message TEXT NULL,
            author TEXT NULL,
            triggered_by TEXT NULL,
            requested_by TEXT NOT NULL,
            requested_at TEXT NOT NULL,
            decided_at TEXT NULL,
            expires_at TEXT NULL,
            started_at TEXT NULL,
            finished_at TEXT NULL,
            superseded_by BIGINT NULL,
            override_reason TEXT NULL,
            override_by TEXT NULL,
            verification TEXT NULL,
            version BIGINT NOT NULL);
        CREATE INDEX ix_deployments_environment_status ON deployments (environment, status);
        CREATE INDEX ix_deployments_commit ON deployments (commit_sha, environment, status);
        CREATE UNIQUE INDEX ux_deployments_one_in_progress ON deployments (environment) WHERE status = 'in_progress';
        CREATE TABLE approvals (
            deployment_id BIGINT NOT NULL REFERENCES deployments (id),
            approver TEXT NOT NULL,
            decision TEXT NOT NULL,
            groups_json TEXT NOT NULL,
            comment TEXT NULL,
            created_at TEXT NOT NULL,
            PRIMARY KEY (deployment_id, approver));
        CREATE TABLE checks (
            commit_sha TEXT NOT NULL,
            name TEXT NOT NULL,
            status TEXT NOT NULL,
            repository TEXT NULL,
            summary TEXT NULL,
            url TEXT NULL,
            reported_by TEXT NOT NULL,
            reported_at TEXT NOT NULL,
            PRIMARY KEY (commit_sha, name));
        """;

    /// <summary>The ordered steps; a step's index + 1 is its version. Never edit a shipped step: add one.</summary>
    public static IReadOnlyList<Func<DatabaseProvider, string>> Steps { get; } =
    [
        _ => V1,
        AuditComposition.Migration,

        // The audit schema is idempotent; running it again adds the tables later versions introduced (audit_heads).
        AuditComposition.Migration,

        // Tokens limited to some environments (JSON array; empty: every environment).
        _ => "ALTER TABLE tokens ADD COLUMN environments_json TEXT NOT NULL DEFAULT '[]';",
    ];

    public static async Task<int> ApplyAsync(GateDatabase database, TimeProvider time, CancellationToken cancellationToken = default)
    {
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
            await connection.ExecuteAsync("PRAGMA journal_mode=WAL;").ConfigureAwait(false);
        }

        await using var scope = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        var tx = scope.Transaction;
        await scope.Connection.ExecuteAsync(new CommandDefinition(
            "CREATE TABLE IF NOT EXISTS gate_schema (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)", transaction: tx, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var current = await scope.Connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT MAX(version) FROM gate_schema", transaction: tx, cancellationToken: cancellationToken)).ConfigureAwait(false) ?? 0;
        var applied = 0;
        for (var version = (int)current + 1; version <= Steps.Count; version++)
        {
            var sql = Steps[version - 1](database.Provider);
            if (!string.IsNullOrWhiteSpace(sql))
            {
                await scope.Connection.ExecuteAsync(new CommandDefinition(sql, transaction: tx, cancellationToken: cancellationToken)).ConfigureAwait(false);
            }

            await scope.Connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO gate_schema (version, applied_at) VALUES (@version, @at)",
                new { version, at = Timestamps.Format(time.GetUtcNow()) }, tx, cancellationToken: cancellationToken)).ConfigureAwait(false);
            applied++;
        }

        await scope.CommitAsync(cancellationToken).ConfigureAwait(false);
        return applied;
    }
}
