using System.Data;
using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;
using Shipgate.Gate.Audit;

namespace Shipgate.Gate.Infrastructure;

/// <summary>
/// The connection factory for the gate's store: an embedded SQLite file (WAL journal, <c>synchronous=FULL</c>, so a
/// committed transaction survives power loss) or a PostgreSQL database shared by several replicas. Every write runs in
/// <see cref="BeginWriteAsync"/>, which serialises writers: SQLite takes the write lock up front (<c>BEGIN IMMEDIATE</c>),
/// PostgreSQL a transaction-scoped advisory lock. Thread-safe; one instance per service.
/// </summary>
public sealed class GateDatabase : IAsyncDisposable
{
    /// <summary>The advisory lock key every PostgreSQL write transaction holds ("shipgate" in ASCII, truncated).</summary>
    private const long WriteLockKey = 0x7368697067617465;
    private readonly NpgsqlDataSource? dataSource;
    private readonly string? sqliteConnectionString;

    static GateDatabase()
    {
        DefaultTypeMap.MatchNamesWithUnderscores = true;
    }

    private GateDatabase(DatabaseProvider provider, string? sqlite, NpgsqlDataSource? postgres)
    {
        Provider = provider;
        sqliteConnectionString = sqlite;
        dataSource = postgres;
    }

    public DatabaseProvider Provider { get; }

    /// <summary>A human-readable description for logs (never includes a password).</summary>
    public string Description { get; private init; } = "";

    public static GateDatabase Sqlite(string path) => new(DatabaseProvider.Sqlite, new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Cache = SqliteCacheMode.Private,
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString(), null)
    { Description = $"SQLite {path}" };

    public static GateDatabase Postgres(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return new GateDatabase(DatabaseProvider.Postgres, null, NpgsqlDataSource.Create(builder))
        { Description = $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database}" };
    }

    /// <summary>A new, unopened connection (for the audit reader, which opens its own).</summary>
    public DbConnection CreateConnection() => dataSource is not null ? dataSource.CreateConnection() : new SqliteConnection(sqliteConnectionString);

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        if (dataSource is not null)
        {
            return await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        }

        var connection = new SqliteConnection(sqliteConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await connection.ExecuteAsync("PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000; PRAGMA foreign_keys=ON;").ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Opens a connection and a write transaction that holds the store's write lock until it ends.</summary>
    public async Task<WriteScope> BeginWriteAsync(CancellationToken cancellationToken = default)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            DbTransaction transaction;
            if (connection is SqliteConnection sqlite)
            {
                transaction = sqlite.BeginTransaction(IsolationLevel.Serializable, deferred: false);
            }
            else
            {
                transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken).ConfigureAwait(false);
                await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(@key)", new { key = WriteLockKey }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            }

            return new WriteScope(connection, transaction);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (dataSource is not null)
        {
            await dataSource.DisposeAsync().ConfigureAwait(false);
        }
    }
}

/// <summary>A connection with its write transaction; rolled back on dispose unless committed.</summary>
public sealed class WriteScope(DbConnection connection, DbTransaction transaction) : IAsyncDisposable
{
    public DbConnection Connection { get; } = connection;

    public DbTransaction Transaction { get; } = transaction;

    public Task CommitAsync(CancellationToken cancellationToken = default) => Transaction.CommitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await Transaction.DisposeAsync().ConfigureAwait(false);
        await Connection.DisposeAsync().ConfigureAwait(false);
    }
}
