using System.Data.Common;
using Dapper;
using Shipgate.Gate.Config;

namespace Shipgate.Gate.Services;

/// <summary>
/// Reads the current gate configuration (the latest applied version) and keeps the parsed form of the last version it
/// saw, so a request costs one small query unless the configuration changed (possibly on another replica). Thread-safe.
/// </summary>
public sealed class ConfigStore
{
    private CachedConfig cached = new(0, GateConfig.Empty);

    public async Task<(long Version, GateConfig Config)> LoadAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        var version = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT MAX(version) FROM gate_config", transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false) ?? 0;
        var current = Volatile.Read(ref cached);
        if (current.Version == version)
        {
            return (version, current.Config);
        }

        var yaml = await connection.ExecuteScalarAsync<string>(new CommandDefinition(
            "SELECT yaml FROM gate_config WHERE version = @version", new { version }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var config = yaml is null ? GateConfig.Empty : GateConfigParser.Parse(yaml, $"gate config v{version}");
        Volatile.Write(ref cached, new CachedConfig(version, config));
        return (version, config);
    }

    private sealed record CachedConfig(long Version, GateConfig Config);
}
