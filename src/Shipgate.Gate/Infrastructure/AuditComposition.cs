using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Shipgate.Gate.Audit;

namespace Shipgate.Gate.Infrastructure;

/// <summary>Where the service meets the audit log's implementation (owned by <c>Audit/</c>): its schema, constructor, services and endpoints.</summary>
internal static class AuditComposition
{
    public static string Migration(DatabaseProvider provider) => "";

    public static IAuditLog? Create(DatabaseProvider provider, TimeProvider time, string dataDirectory) => null;

    public static void AddServices(IServiceCollection services, string dataDirectory)
    {
    }

    public static void MapEndpoints(IEndpointRouteBuilder app)
    {
    }
}
