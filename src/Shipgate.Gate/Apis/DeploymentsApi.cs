using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Shipgate.Gate.Contracts;
using Shipgate.Gate.Domain;
using Shipgate.Gate.Infrastructure;
using Shipgate.Gate.Services;

namespace Shipgate.Gate.Apis;

/// <summary><c>/api/deployments</c>: request, read, wait on, approve, reject, cancel, override, start, finish, verify.</summary>
public static class DeploymentsApi
{
    public static IEndpointRouteBuilder MapDeploymentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/deployments").WithTags("Deployments");

        api.MapPost("/", (DeploymentRequestBody body, HttpContext http, DeploymentService service, CancellationToken ct) => Created(service.RequestAsync(Caller(http), body, ct)))
            .RequireAuthorization("requester").WithName("RequestDeployment").WithSummary("Request a deployment to an environment");
        api.MapGet("/", ListAsync).RequireAuthorization("viewer").WithName("ListDeployments").WithSummary("List deployment requests, newest first");
        api.MapGet("/{id:long}", async (long id, HttpContext http, DeploymentService service, CancellationToken ct) => (await service.GetAsync(Caller(http), id, ct).ConfigureAwait(false)).ToHttp())
            .RequireAuthorization("viewer").WithName("GetDeployment").WithSummary("Read one deployment request and what it is waiting for");
        api.MapGet("/{id:long}/wait", WaitAsync).RequireAuthorization("viewer").WithName("WaitForDeployment")
            .WithSummary("Long-poll: answer when the request's state differs from the given etag, or after the timeout (at most 60 s)");
        api.MapPost("/{id:long}/approve", async (long id, DecisionBody? body, HttpContext http, DeploymentService service, CancellationToken ct) =>
            (await service.ApproveAsync(Caller(http), id, body?.Comment, ct).ConfigureAwait(false)).ToHttp())
            .RequireAuthorization("approver").WithName("ApproveDeployment").WithSummary("Approve a pending request");
        api.MapPost("/{id:long}/reject", async (long id, DecisionBody? body, HttpContext http, DeploymentService service, CancellationToken ct) =>
            (await service.RejectAsync(Caller(http), id, body?.Comment, ct).ConfigureAwait(false)).ToHttp())
            .RequireAuthorization("approver").WithName("RejectDeployment").WithSummary("Reject a pending request");
        api.MapPost("/{id:long}/cancel", async (long id, HttpContext http, DeploymentService service, CancellationToken ct) =>
            (await service.CancelAsync(Caller(http), id, ct).ConfigureAwait(false)).ToHttp())
            .RequireAuthorization("requester").WithName("CancelDeployment").WithSummary("Withdraw an open request");
        api.MapPost("/{id:long}/override", async (long id, OverrideBody body, HttpContext http, DeploymentService service, CancellationToken ct) =>
            (await service.OverrideFreezeAsync(Caller(http), id, body.Reason, ct).ConfigureAwait(false)).ToHttp())
            .RequireAuthorization("env-admin").WithName("OverrideFreeze").WithSummary("Let a request through freeze windows (env-admin, with a reason)");
        api.MapPost("/{id:long}/start", async (long id, HttpContext http, DeploymentService service, CancellationToken ct) =>
            (await service.StartAsync(Caller(http), id, ct).ConfigureAwait(false)).ToHttp())
            .RequireAuthorization("requester").WithName("StartDeployment").WithSummary("Start an approved deployment (takes the environment lock)");
        api.MapPost("/{id:long}/finish", async (long id, FinishBody body, HttpContext http, DeploymentService service, CancellationToken ct) =>
            (await service.FinishAsync(Caller(http), id, body.Status, ct).ConfigureAwait(false)).ToHttp())
            .RequireAuthorization("requester").WithName("FinishDeployment").WithSummary("Record success or failure and release the lock");
        api.MapPost("/{id:long}/verification", async (long id, VerificationBody body, HttpContext http, DeploymentService service, CancellationToken ct) =>
            (await service.RecordVerificationAsync(Caller(http), id, body, ct).ConfigureAwait(false)).ToHttp())
            .RequireAuthorization("requester").WithName("RecordVerification").WithSummary("Record the outcome of a post-deployment health loop");
        return app;
    }

    private static Caller Caller(HttpContext http) => TokenAuthenticationHandler.CallerOf(http);

    private static async Task<Results<Created<DeploymentDto>, ProblemHttpResult>> Created(Task<Outcome<DeploymentDto>> pending)
    {
        var outcome = await pending.ConfigureAwait(false);
        return outcome.Error is { } error
            ? ApiResults.Problem(error)
            : TypedResults.Created($"/api/deployments/{outcome.Value!.Id}", outcome.Value);
    }

    private static async Task<Results<Ok<IReadOnlyList<DeploymentDto>>, ProblemHttpResult>> ListAsync(
        HttpContext http, DeploymentService service, string? environment, string? status, int? limit, CancellationToken ct)
    {
        var caller = Caller(http);
        if (environment is not null && !caller.MayAccess(environment))
        {
            return ApiResults.Problem(await service.DenyReadAsync(caller, environment, null, ct).ConfigureAwait(false));
        }

        if (status is not null && !DeploymentLifecycle.TryFromWire(status, out _))
        {
            return ApiResults.Problem(new GateError(GateErrorKind.Invalid, "Invalid request", $"Unknown status '{status}'."));
        }

        return TypedResults.Ok(await service.ListAsync(caller, environment, status?.ToLowerInvariant(), limit ?? 50, ct).ConfigureAwait(false));
    }

    private static async Task<Results<Ok<DeploymentDto>, ProblemHttpResult>> WaitAsync(
        long id, string? etag, int? timeout, HttpContext http, DeploymentService service, CancellationToken ct)
    {
        var caller = Caller(http);
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(Math.Clamp(timeout ?? 25, 0, 60));
        while (true)
        {
            var outcome = await service.GetAsync(caller, id, ct).ConfigureAwait(false);
            if (outcome.Error is not null || outcome.Value!.Etag != etag || DateTimeOffset.UtcNow >= deadline)
            {
                return outcome.ToHttp();
            }

            // Polling the store (not an in-process signal) sees changes made by any replica.
            await Task.Delay(TimeSpan.FromMilliseconds(500), ct).ConfigureAwait(false);
        }
    }
}
