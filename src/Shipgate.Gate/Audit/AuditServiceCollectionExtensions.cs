using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Shipgate.Gate.Audit;

/// <summary>Registers the audit log's services.</summary>
public static class AuditServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="CheckpointSigner"/> (key loaded or created in <paramref name="dataDirectory"/>),
    /// <see cref="AuditConnectionFactory"/>, <see cref="IAuditLog"/> (signing a checkpoint per entry),
    /// <see cref="IAuditReader"/>, <see cref="AuditRetention"/> and <see cref="TimeProvider"/> (system clock unless one
    /// is registered already). Run <see cref="AuditSchema.Migration"/> at start-up as well.
    /// </summary>
    public static IServiceCollection AddAuditLog(this IServiceCollection services, AuditConnectionFactory connections, string dataDirectory, AuditRetention? retention = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(connections);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(connections);
        services.AddSingleton(_ => CheckpointSigner.LoadOrCreate(dataDirectory));
        services.AddSingleton(retention ?? new AuditRetention());
        services.AddSingleton<IAuditLog>(sp => new MerkleAuditLog(connections.Provider, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<CheckpointSigner>()));
        services.AddSingleton<IAuditReader>(sp => new SqlAuditReader(connections, sp.GetRequiredService<CheckpointSigner>(), sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
