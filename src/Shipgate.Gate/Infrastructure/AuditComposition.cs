using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Shipgate.Gate.Audit;

namespace Shipgate.Gate.Infrastructure;

/// <summary>Where the service meets the audit log's implementation (owned by <c>Audit/</c>): its schema, services and endpoints.</summary>
internal static class AuditComposition
{
    /// <summary>The audit tables and their UPDATE/DELETE-refusing triggers, as migration step 2.</summary>
    public static string Migration(DatabaseProvider provider) => AuditSchema.Migration(provider);

    /// <summary>The Merkle audit log (MAC'd tree heads, checkpoints per <paramref name="policy"/>, key in the data folder), its reader and retention.</summary>
    public static void AddServices(IServiceCollection services, GateDatabase database, string dataDirectory, AuditRetention retention, AuditCheckpointPolicy policy) =>
        services.AddAuditLog(new AuditConnectionFactory(database.CreateConnection, database.Provider), dataDirectory, retention, policy);

    public static void MapEndpoints(IEndpointRouteBuilder app) => app.MapAuditEndpoints();
}
