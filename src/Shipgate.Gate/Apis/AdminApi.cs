using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Shipgate.Gate.Contracts;
using Shipgate.Gate.Infrastructure;
using Shipgate.Gate.Services;

namespace Shipgate.Gate.Apis;

/// <summary><c>/api/config</c>, <c>/api/environments</c>, <c>/api/checks</c>, <c>/api/tokens</c> and <c>/api/me</c>.</summary>
public static class AdminApi
{
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var config = app.MapGroup("/api/config").WithTags("Configuration");
        config.MapPut("/", async (ConfigApplyBody body, HttpContext http, ConfigService service, CancellationToken ct) =>
            (await service.ApplyAsync(TokenAuthenticationHandler.CallerOf(http), body, ct).ConfigureAwait(false)).ToHttp())
            .RequireAuthorization("env-admin").WithName("ApplyConfig").WithSummary("Validate and apply gate.yml as the next configuration version");
        config.MapGet("/", async Task<Results<Ok<ConfigDto>, NotFound>> (ConfigService service, CancellationToken ct) =>
            await service.ExportAsync(ct).ConfigureAwait(false) is { } dto ? TypedResults.Ok(dto) : TypedResults.NotFound())
            .RequireAuthorization("viewer").WithName("ExportConfig").WithSummary("The current gate.yml as applied");

        app.MapGet("/api/environments", async (HttpContext http, ConfigService service, CancellationToken ct) =>
            TypedResults.Ok((await service.EnvironmentsAsync(ct).ConfigureAwait(false)).Where(e => TokenAuthenticationHandler.CallerOf(http).MayAccess(e.Name)).ToArray()))
            .RequireAuthorization("viewer").WithTags("Configuration").WithName("ListEnvironments").WithSummary("Environments, their rules, active freezes and locks");

        var checks = app.MapGroup("/api/checks").WithTags("Checks");
        checks.MapPost("/", async (CheckBody body, HttpContext http, CheckService service, CancellationToken ct) =>
            (await service.ReportAsync(TokenAuthenticationHandler.CallerOf(http), body, ct).ConfigureAwait(false)).ToHttp())
            .RequireAuthorization("requester").WithName("ReportCheck").WithSummary("Record a named check result for a commit");
        checks.MapGet("/{commit}", async (string commit, CheckService service, CancellationToken ct) => TypedResults.Ok(await service.ListAsync(commit, ct).ConfigureAwait(false)))
            .RequireAuthorization("viewer").WithName("ListChecks").WithSummary("Check results recorded for a commit");

        var tokens = app.MapGroup("/api/tokens").WithTags("Tokens");
        tokens.MapPost("/", async (TokenCreateBody body, HttpContext http, TokenService service, CancellationToken ct) =>
            (await service.CreateAsync(TokenAuthenticationHandler.CallerOf(http), body, ct).ConfigureAwait(false)).ToHttp())
            .RequireAuthorization("admin").WithName("CreateToken").WithSummary("Create a token; its secret is returned once");
        tokens.MapGet("/", async (TokenService service, CancellationToken ct) => TypedResults.Ok(await service.ListAsync(ct).ConfigureAwait(false)))
            .RequireAuthorization("admin").WithName("ListTokens").WithSummary("List tokens (never their secrets)");
        tokens.MapDelete("/{id}", async (string id, HttpContext http, TokenService service, CancellationToken ct) =>
            (await service.RevokeAsync(TokenAuthenticationHandler.CallerOf(http), id, ct).ConfigureAwait(false)).ToHttp())
            .RequireAuthorization("admin").WithName("RevokeToken").WithSummary("Revoke a token");

        app.MapGet("/api/me", (HttpContext http) =>
        {
            var caller = TokenAuthenticationHandler.CallerOf(http);
            return TypedResults.Ok(new WhoAmIDto(caller.Name, Domain.Roles.ToWire(caller.Role), caller.Groups, caller.Machine, caller.Environments));
        }).RequireAuthorization("viewer").WithTags("Tokens").WithName("WhoAmI").WithSummary("The identity behind the token");
        return app;
    }
}
