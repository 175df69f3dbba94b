using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Shipgate.Gate.Audit;

namespace Shipgate.Gate.Tests.Audit;

/// <summary>
/// A real, empty audit database for one test: a SQLite file in a temp folder (WAL, synchronous=FULL), or a fresh
/// database on the PostgreSQL server named by <c>SHIPGATE_TEST_POSTGRES</c>. Migrated, with a log, a reader,
/// an ephemeral signing key and a fake clock.
/// </summary>
internal abstract class AuditDatabase : IAsyncDisposable
{
    protected AuditDatabase(DatabaseProvider provider)
    {
        Provider = provider;
        Signer = CheckpointSigner.CreateEphemeral();
        Log = new MerkleAuditLog(provider, Time, Signer);
        Connections = new AuditConnectionFactory(CreateConnection, provider);
        Reader = new SqlAuditReader(Connections, Signer, Time);
    }

    public DatabaseProvider Provider { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 29, 0, 30, 0, TimeSpan.Zero));

    public CheckpointSigner Signer { get; }

    /// <summary>The log: a signed checkpoint per entry unless <see cref="CreateAsync"/> was given a policy.</summary>
    public MerkleAuditLog Log { get; private set; }

    public AuditConnectionFactory Connections { get; }

    public SqlAuditReader Reader { get; }

    public static async Task<AuditDatabase> CreateAsync(DatabaseProvider provider, AuditCheckpointPolicy? policy = null)
    {
        AuditDatabase database = provider == DatabaseProvider.Sqlite ? new SqliteAuditDatabase() : await PostgresAuditDatabase.CreateAsync().ConfigureAwait(false);
        database.Log = new MerkleAuditLog(provider, database.Time, database.Signer, policy);
        await database.ExecuteAsync(AuditSchema.Migration(provider)).ConfigureAwait(false);
        return database;
    }

    public abstract DbConnection CreateConnection();

    /// <summary>SQL an attacker with database access runs to switch the append-only guards off.</summary>
    public abstract string DisableGuardsSql { get; }

    public async Task<DbConnection> OpenAsync() => await Connections.OpenAsync().ConfigureAwait(false);

    public async Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            p.Value = value;
            command.Parameters.Add(p);
        }

        await command.ExecuteNonQueryAsync();
    }

    public async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    /// <summary>Appends in its own transaction, as the service does (SQLite: BEGIN IMMEDIATE).</summary>
    public async Task<long> AppendAsync(AuditEvent auditEvent, DbConnection? connection = null)
    {
        var own = connection is null;
        connection ??= await OpenAsync();
        try
        {
            await using var transaction = await connection.BeginTransactionAsync();
            var seq = await Log.AppendAsync(auditEvent, transaction);
            await transaction.CommitAsync();
            return seq;
        }
        finally
        {
            if (own)
            {
                await connection.DisposeAsync();
            }
        }
    }

    public async Task AppendManyAsync(int count, string actor = "alice")
    {
        for (var i = 0; i < count; i++)
        {
            Time.Advance(TimeSpan.FromSeconds(1));
            await AppendAsync(Sample(i, actor));
        }
    }

    public static AuditEvent Sample(int i, string actor = "alice") => new(
        i % 3 == 0 ? "deployment.requested" : i % 3 == 1 ? "deployment.approved" : "token.created",
        actor, "success", "10.0.0." + (i % 250), "production", "dep-" + i, "acme/shop", "refs/heads/main",
        (i * 7919).ToString("x40", System.Globalization.CultureInfo.InvariantCulture), "Fix checkout totals", "Dana Scully",
        "deploy.yml", "9000" + i, (100 + i).ToString(System.Globalization.CultureInfo.InvariantCulture),
        new Dictionary<string, string> { ["comment"] = $"entry {i}" });

    public async Task<byte[]> ExportAsync(long since = 0, AuditExportFormat format = AuditExportFormat.Jsonl)
    {
        using var stream = new MemoryStream();
        await Reader.WriteExportAsync(stream, since, format);
        return stream.ToArray();
    }

    public async Task<AuditVerification> VerifyExportAsync(long since = 0, params SignedCheckpoint[] trusted)
    {
        using var stream = new MemoryStream(await ExportAsync(since));
        return await AuditVerifier.VerifyAsync(stream, Signer.Verifier, trusted);
    }

    public virtual async ValueTask DisposeAsync()
    {
        Signer.Dispose();
        await Task.CompletedTask;
    }
}

internal sealed class SqliteAuditDatabase : AuditDatabase
{
    private readonly string _directory = Directory.CreateTempSubdirectory("shipgate-audit-").FullName;

    public SqliteAuditDatabase()
        : base(DatabaseProvider.Sqlite)
    {
    }

    public string Path => System.IO.Path.Combine(_directory, "gate.db");

    public override string DisableGuardsSql =>
        "DROP TRIGGER audit_entries_no_update; DROP TRIGGER audit_entries_no_delete; DROP TRIGGER audit_entries_next_seq; "
        + "DROP TRIGGER audit_checkpoints_no_delete; DROP TRIGGER audit_nodes_no_delete; DROP TRIGGER audit_heads_no_delete;";

    public override DbConnection CreateConnection()
    {
        var connection = new SqliteConnection($"Data Source={Path};Pooling=False;Default Timeout=30");
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000;";
        pragma.ExecuteNonQuery();
        return connection;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

internal sealed class PostgresAuditDatabase : AuditDatabase
{
    private readonly string _admin;
    private readonly string _name;
    private readonly string _connectionString;

    private PostgresAuditDatabase(string admin, string name)
        : base(DatabaseProvider.Postgres)
    {
        _admin = admin;
        _name = name;
        _connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = false }.ConnectionString;
    }

    public static async Task<PostgresAuditDatabase> CreateAsync()
    {
        var admin = Environment.GetEnvironmentVariable(PostgresFactAttribute.Variable)
            ?? throw new InvalidOperationException($"{PostgresFactAttribute.Variable} is not set");
        var name = "shipgate_audit_" + Guid.NewGuid().ToString("N")[..12];
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return new PostgresAuditDatabase(admin, name);
    }

    public override string DisableGuardsSql => "ALTER TABLE audit_entries DISABLE TRIGGER USER; ALTER TABLE audit_checkpoints DISABLE TRIGGER USER; ALTER TABLE audit_nodes DISABLE TRIGGER USER; ALTER TABLE audit_heads DISABLE TRIGGER USER;";

    public override DbConnection CreateConnection() => new NpgsqlConnection(_connectionString);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>A fact that runs only when <c>SHIPGATE_TEST_POSTGRES</c> holds a PostgreSQL connection string.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public const string Variable = "SHIPGATE_TEST_POSTGRES";

    public PostgresFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Variable)))
        {
            Skip = $"set {Variable} to a PostgreSQL connection string (e.g. Host=127.0.0.1;Username=postgres) to run PostgreSQL tests";
        }
    }
}
