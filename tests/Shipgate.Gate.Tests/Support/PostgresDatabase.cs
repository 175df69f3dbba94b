using Npgsql;
using Shipgate.Gate.Tests.Audit;

namespace Shipgate.Gate.Tests.Support;

/// <summary>A fresh database on the <c>SHIPGATE_TEST_POSTGRES</c> server, dropped when the test ends.</summary>
internal static class PostgresDatabase
{
    public static async Task<(string ConnectionString, Func<ValueTask> Drop)> CreateAsync()
    {
        var admin = Environment.GetEnvironmentVariable(PostgresFactAttribute.Variable)
            ?? throw new InvalidOperationException($"{PostgresFactAttribute.Variable} is not set");
        var name = "shipgate_gate_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
        return (connectionString, async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
        );
    }
}
