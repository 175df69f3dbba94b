using Dapper;
using Shipgate.Gate.Contracts;
using Shipgate.Gate.Domain;
using Shipgate.Gate.Infrastructure;

namespace Shipgate.Gate.Services;

public sealed partial class DeploymentService
{
    /// <summary>
    /// Starts an approved deployment: takes the environment's exclusive lock (one in progress at a time), refuses
    /// during a freeze unless overridden, and, when the environment promotes from a stage with a health check,
    /// first asks that stage's health endpoint.
    /// </summary>
    public async Task<Outcome<DeploymentDto>> StartAsync(Caller caller, long id, CancellationToken cancellationToken)
    {
        // The health probe is network I/O: do it before taking the write lock.
        HealthCheckResult? probe = null;
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var row = await LoadAsync(connection, null, id, cancellationToken).ConfigureAwait(false);
            var (_, config) = await configs.LoadAsync(connection, null, cancellationToken).ConfigureAwait(false);
            if (row is not null && config.Environments.TryGetValue(row.Environment, out var policy) && policy.PromotionFrom is { } from
                && config.Environments.TryGetValue(from, out var previous) && previous.HealthCheck is { } check)
            {
                probe = await health.ProbeAsync(check, cancellationToken).ConfigureAwait(false);
            }
        }

        return await StartLockedAsync(caller, id, probe, cancellationToken).ConfigureAwait(false);
    }

    private Task<Outcome<DeploymentDto>> StartLockedAsync(Caller caller, long id, HealthCheckResult? probe, CancellationToken cancellationToken) =>
        InStateAsync(caller, id, "deployment.start", [DeploymentStatus.Approved], async (scope, row, config, policy) =>
        {
            var now = time.GetUtcNow();
            GateError? refusal = null;
            var holder = await scope.Connection.ExecuteScalarAsync<long?>(new CommandDefinition(
                "SELECT id FROM deployments WHERE environment = @environment AND status = 'in_progress'", new { environment = row.Environment }, scope.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            if (holder is { } other)
            {
                refusal = Errors.Conflict($"Environment '{row.Environment}' is locked by deployment {other}, which is in progress.");
            }
            else if (row.OverrideReason is null && policy.FreezeAt(now) is { } freeze)
            {
                refusal = Errors.Conflict($"Environment '{row.Environment}' is frozen ('{freeze.Name}' until {Timestamps.Format(freeze.End)}); an env-admin can override with a reason.");
            }
            else if (probe is { Healthy: false } failed)
            {
                refusal = Errors.Conflict($"The health check of '{policy.PromotionFrom}' failed: {failed.Detail}.");
            }

            if (refusal is not null)
            {
                await AppendAsync(scope, Event("deployment.start", caller, row, "denied", [("reason", refusal.Detail), .. HealthDetails(probe)]), cancellationToken).ConfigureAwait(false);
                return (Outcome<DeploymentDto>)refusal;
            }

            row.Status = DeploymentStatus.InProgress.ToWire();
            row.StartedAt = Timestamps.Format(now);
            await UpdateAsync(scope, row, cancellationToken).ConfigureAwait(false);
            await AppendAsync(scope, Event("deployment.started", caller, row, "success", HealthDetails(probe)), cancellationToken).ConfigureAwait(false);
            return (await ViewAsync(scope.Connection, scope.Transaction, row, config, cancellationToken).ConfigureAwait(false)).Dto;
        }, cancellationToken);

    /// <summary>The health check's outcome as audit details: URL, last status, attempts, verdict and account.</summary>
    private static (string Key, string? Value)[] HealthDetails(HealthCheckResult? probe) => probe is null ? [] :
    [
        ("health_check", probe.Detail),
        ("health_check_url", probe.Url.ToString()),
        ("health_check_status", probe.Status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"),
        ("health_check_attempts", probe.Attempts.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("health_check_outcome", probe.Healthy ? "healthy" : "unhealthy"),
    ];

    /// <summary>Records the end of a deployment (<c>success</c> or <c>failure</c>) and releases the environment lock.</summary>
    public async Task<Outcome<DeploymentDto>> FinishAsync(Caller caller, long id, string? status, CancellationToken cancellationToken)
    {
        var success = status switch
        {
            "success" or "succeeded" => true,
            "failure" or "failed" => false,
            _ => (bool?)null,
        };
        if (success is null)
        {
            return Errors.Invalid($"'status' must be success or failure, not '{status}'.");
        }

        return await InStateAsync(caller, id, "deployment.finish", [DeploymentStatus.InProgress], async (scope, row, config, policy) =>
        {
            row.Status = (success.Value ? DeploymentStatus.Succeeded : DeploymentStatus.Failed).ToWire();
            row.FinishedAt = Timestamps.Format(time.GetUtcNow());
            await UpdateAsync(scope, row, cancellationToken).ConfigureAwait(false);
            await AppendAsync(scope, Event(success.Value ? "deployment.succeeded" : "deployment.failed", caller, row, success.Value ? "success" : "failure"), cancellationToken).ConfigureAwait(false);
            return (await ViewAsync(scope.Connection, scope.Transaction, row, config, cancellationToken).ConfigureAwait(false)).Dto;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records the outcome of a post-deployment health loop.</summary>
    public async Task<Outcome<DeploymentDto>> RecordVerificationAsync(Caller caller, long id, VerificationBody body, CancellationToken cancellationToken)
    {
        if (body.Outcome is not ("healthy" or "unhealthy"))
        {
            return Errors.Invalid($"'outcome' must be healthy or unhealthy, not '{body.Outcome}'.");
        }

        return await InStateAsync(caller, id, "deployment.verify", [DeploymentStatus.InProgress, DeploymentStatus.Succeeded, DeploymentStatus.Failed], async (scope, row, config, policy) =>
        {
            row.Verification = $"{body.Outcome} after {body.Attempts} attempt(s)" + (body.Url is null ? "" : $" of {body.Url}");
            await UpdateAsync(scope, row, cancellationToken).ConfigureAwait(false);
            await AppendAsync(scope, Event("deployment.verified", caller, row, body.Outcome == "healthy" ? "success" : "failure",
                ("url", body.Url), ("attempts", body.Attempts.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("detail", body.Detail)), cancellationToken).ConfigureAwait(false);
            return (await ViewAsync(scope.Connection, scope.Transaction, row, config, cancellationToken).ConfigureAwait(false)).Dto;
        }, cancellationToken).ConfigureAwait(false);
    }
}
