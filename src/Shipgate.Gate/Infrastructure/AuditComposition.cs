using Microsoft.AspNetCore.Http;
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

    /// <summary>
    /// The audit API. The log covers every environment and cannot be filtered without breaking its proofs, so a token
    /// limited to some environments is refused (403 ProblemDetails, audited).
    /// </summary>
    public static void MapEndpoints(IEndpointRouteBuilder app) => app.MapAuditEndpoints(group => group.AddEndpointFilter(async (context, next) =>
    {
        var caller = TokenAuthenticationHandler.CallerOf(context.HttpContext);
        if (!caller.Scoped)
        {
            return await next(context).ConfigureAwait(false);
        }

        var services = context.HttpContext.RequestServices;
        var refusal = $"Token {caller.TokenId} ('{caller.Name}') is limited to the environments {string.Join(", ", caller.Environments!)}; the audit log covers every environment and needs a token for all of them.";
        var database = services.GetRequiredService<GateDatabase>();
        await using (var scope = await database.BeginWriteAsync(context.HttpContext.RequestAborted).ConfigureAwait(false))
        {
            await services.GetRequiredService<IAuditLog>().AppendAsync(
                new AuditEvent("audit.read", caller.Name, "denied", caller.SourceAddress, Details: new Dictionary<string, string> { ["reason"] = refusal, ["path"] = context.HttpContext.Request.Path.ToString() }),
                scope.Transaction, context.HttpContext.RequestAborted).ConfigureAwait(false);
            await scope.CommitAsync(context.HttpContext.RequestAborted).ConfigureAwait(false);
        }

        return TypedResults.Problem(detail: refusal, title: "Refused by policy", statusCode: StatusCodes.Status403Forbidden);
    }));
}
