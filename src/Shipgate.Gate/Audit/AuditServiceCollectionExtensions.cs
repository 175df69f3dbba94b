using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Shipgate.Gate.Audit;

/// <summary>Registers the audit log's services.</summary>
public static class AuditServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="CheckpointSigner"/> (key loaded or created in <paramref name="dataDirectory"/>),
    /// <see cref="AuditConnectionFactory"/>, <see cref="IAuditLog"/> (a MAC'd tree head per entry, checkpoints as
    /// <paramref name="policy"/> says, default <see cref="AuditCheckpointPolicy.Default"/>), the tail-signing timer,
    /// <see cref="IAuditReader"/>, <see cref="AuditRetention"/> and <see cref="TimeProvider"/> (system clock unless one
    /// is registered already). Run <see cref="AuditSchema.Migration"/> at start-up as well.
    /// </summary>
    public static IServiceCollection AddAuditLog(this IServiceCollection services, AuditConnectionFactory connections, string dataDirectory, AuditRetention? retention = null, AuditCheckpointPolicy? policy = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(connections);
        policy ??= AuditCheckpointPolicy.Default;
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(connections);
        services.AddSingleton(_ => CheckpointSigner.LoadOrCreate(dataDirectory));
        services.AddSingleton(retention ?? new AuditRetention());
        services.AddSingleton<IAuditLog>(sp => new MerkleAuditLog(connections.Provider, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<CheckpointSigner>(), policy));
        services.AddSingleton<IAuditReader>(sp => new SqlAuditReader(connections, sp.GetRequiredService<CheckpointSigner>(), sp.GetRequiredService<TimeProvider>(), exportCheckpointEvery: policy.Every));
        if (policy.Interval is { } interval && interval > TimeSpan.Zero)
        {
            services.AddHostedService(sp => new AuditCheckpointService(
                sp.GetRequiredService<IAuditReader>(), sp.GetRequiredService<TimeProvider>(), interval, sp.GetRequiredService<ILogger<AuditCheckpointService>>()));
        }

        return services;
    }
}
