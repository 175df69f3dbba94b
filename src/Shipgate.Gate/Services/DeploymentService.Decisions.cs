using System.Text.Json;
using Dapper;
using Shipgate.Gate.Config;
using Shipgate.Gate.Contracts;
using Shipgate.Gate.Domain;
using Shipgate.Gate.Infrastructure;

namespace Shipgate.Gate.Services;

public sealed partial class DeploymentService
{
    /// <summary>
    /// Records an approval. Refused (and audited as denied) for machine identities, for the requester or the CI actor
    /// who triggered the request (unless the environment turns that off), and for people in none of the rule groups.
    /// </summary>
    public Task<Outcome<DeploymentDto>> ApproveAsync(Caller caller, long id, string? comment, CancellationToken cancellationToken) =>
        DecideAsync(caller, id, comment, approve: true, cancellationToken);

    /// <summary>One rejection from an eligible approver rejects the request.</summary>
    public Task<Outcome<DeploymentDto>> RejectAsync(Caller caller, long id, string? comment, CancellationToken cancellationToken) =>
        DecideAsync(caller, id, comment, approve: false, cancellationToken);

    private async Task<Outcome<DeploymentDto>> DecideAsync(Caller caller, long id, string? comment, bool approve, CancellationToken cancellationToken)
    {
        if (comment is { Length: > 2000 })
        {
            return Errors.Invalid("'comment' is longer than 2,000 characters.");
        }

        var type = approve ? "deployment.approval" : "deployment.rejection";
        return await InStateAsync(caller, id, type, [DeploymentStatus.Pending], async (scope, row, config, policy) =>
        {
            var groups = caller.Groups.Concat(config.GroupsOf(caller.Name)).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToArray();
            GateError? refusal = null;
            if (caller.Machine)
            {
                refusal = Errors.Forbidden($"'{caller.Name}' is a machine identity; machine identities can request deployments but never approve or reject them.");
            }
            else if (!policy.RequiresApproval)
            {
                return Errors.Conflict($"Environment '{policy.Name}' needs no approval.");
            }
            else if (approve && policy.PreventSelfApproval && (Same(caller.Name, row.RequestedBy) || Same(caller.Name, row.TriggeredBy)))
            {
                refusal = Errors.Forbidden($"'{caller.Name}' requested deployment {row.Id} and cannot approve it.");
            }
            else if (!policy.ApprovalRules.Any(r => groups.Contains(r.Group, StringComparer.OrdinalIgnoreCase)))
            {
                refusal = Errors.Forbidden($"'{caller.Name}' is in none of the approving groups of '{policy.Name}' ({string.Join(", ", policy.ApprovalRules.Select(r => r.Group))}).");
            }

            if (refusal is not null)
            {
                await AppendAsync(scope, Event(type, caller, row, "denied", ("reason", refusal.Detail)), cancellationToken).ConfigureAwait(false);
                return (Outcome<DeploymentDto>)refusal;
            }

            var existing = await scope.Connection.ExecuteScalarAsync<string>(new CommandDefinition(
                "SELECT decision FROM approvals WHERE deployment_id = @id AND approver = @approver", new { id, approver = caller.Name }, scope.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            if (existing is not null)
            {
                return Errors.Conflict($"'{caller.Name}' already recorded '{existing}' on deployment {id}.");
            }

            var now = time.GetUtcNow();
            await scope.Connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO approvals (deployment_id, approver, decision, groups_json, comment, created_at) VALUES (@id, @approver, @decision, @groups, @comment, @at)",
                new { id, approver = caller.Name, decision = approve ? "approve" : "reject", groups = JsonSerializer.Serialize(groups), comment, at = Timestamps.Format(now) },
                scope.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            await AppendAsync(scope, Event(type, caller, row, "success", ("comment", comment), ("groups", string.Join(",", groups))), cancellationToken).ConfigureAwait(false);
            row.Version++;
            if (!approve)
            {
                row.Status = DeploymentStatus.Rejected.ToWire();
                row.DecidedAt = Timestamps.Format(now);
                await UpdateAsync(scope, row, cancellationToken).ConfigureAwait(false);
                await AppendAsync(scope, Event("deployment.rejected", caller, row, "success", ("comment", comment)), cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await UpdateAsync(scope, row, cancellationToken).ConfigureAwait(false);
            }

            return await ReconcileAsync(scope, row, config, caller, cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The requester (or an env-admin) withdraws an open request.</summary>
    public Task<Outcome<DeploymentDto>> CancelAsync(Caller caller, long id, CancellationToken cancellationToken) =>
        InStateAsync(caller, id, "deployment.cancel", [DeploymentStatus.Pending, DeploymentStatus.Approved], async (scope, row, config, policy) =>
        {
            if (!Same(caller.Name, row.RequestedBy) && caller.Role is not (Role.EnvAdmin or Role.Admin))
            {
                var refusal = Errors.Forbidden($"Only the requester '{row.RequestedBy}' or an env-admin can cancel deployment {id}.");
                await AppendAsync(scope, Event("deployment.cancel", caller, row, "denied", ("reason", refusal.Detail)), cancellationToken).ConfigureAwait(false);
                return (Outcome<DeploymentDto>)refusal;
            }

            row.Status = DeploymentStatus.Cancelled.ToWire();
            row.DecidedAt = Timestamps.Format(time.GetUtcNow());
            await UpdateAsync(scope, row, cancellationToken).ConfigureAwait(false);
            await AppendAsync(scope, Event("deployment.cancelled", caller, row, "success"), cancellationToken).ConfigureAwait(false);
            return (await ViewAsync(scope.Connection, scope.Transaction, row, config, cancellationToken).ConfigureAwait(false)).Dto;
        }, cancellationToken);

    /// <summary>An env-admin lets a request through freeze windows, with a reason; audited.</summary>
    public async Task<Outcome<DeploymentDto>> OverrideFreezeAsync(Caller caller, long id, string? reason, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 2000)
        {
            return Errors.Invalid("An override needs a 'reason' of 1 to 2,000 characters.");
        }

        return await InStateAsync(caller, id, "deployment.freeze_override", [DeploymentStatus.Pending, DeploymentStatus.Approved], async (scope, row, config, policy) =>
        {
            row.OverrideReason = reason;
            row.OverrideBy = caller.Name;
            await UpdateAsync(scope, row, cancellationToken).ConfigureAwait(false);
            var freeze = policy.FreezeAt(time.GetUtcNow());
            await AppendAsync(scope, Event("deployment.freeze_overridden", caller, row, "success", ("reason", reason), ("freeze", freeze?.Name)), cancellationToken).ConfigureAwait(false);
            return await ReconcileAsync(scope, row, config, caller, cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs <paramref name="action"/> on deployment <paramref name="id"/> inside a write transaction, after applying
    /// due moves (expiry), if the deployment is in one of <paramref name="allowed"/> states; commits whatever it wrote
    /// (a refusal commits its denied audit record).
    /// </summary>
    private async Task<Outcome<DeploymentDto>> InStateAsync(
        Caller caller,
        long id,
        string action,
        DeploymentStatus[] allowed,
        Func<WriteScope, DeploymentRow, GateConfig, EnvironmentPolicy, Task<Outcome<DeploymentDto>>> body,
        CancellationToken cancellationToken)
    {
        await using var scope = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        var row = await LoadAsync(scope.Connection, scope.Transaction, id, cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            return Errors.NotFound($"Deployment {id} does not exist.");
        }

        if (!caller.MayAccess(row.Environment))
        {
            var outOfScope = Errors.Forbidden(caller.ScopeRefusal(row.Environment));
            await AppendAsync(scope, Event(action, caller, row, "denied", ("reason", outOfScope.Detail)), cancellationToken).ConfigureAwait(false);
            await scope.CommitAsync(cancellationToken).ConfigureAwait(false);
            return outOfScope;
        }

        var (_, config) = await configs.LoadAsync(scope.Connection, scope.Transaction, cancellationToken).ConfigureAwait(false);
        var before = await ReconcileAsync(scope, row, config, null, cancellationToken).ConfigureAwait(false);
        Outcome<DeploymentDto> result;
        if (!allowed.Contains(DeploymentLifecycle.FromWire(before.Status)))
        {
            result = Errors.Conflict($"Deployment {id} is {before.Status}; {action.Split('.')[1].Replace('_', ' ')} needs it to be {string.Join(" or ", allowed.Select(s => s.ToWire()))}.");
        }
        else if (!config.Environments.TryGetValue(row.Environment, out var policy))
        {
            result = Errors.Conflict($"Environment '{row.Environment}' is no longer configured.");
        }
        else
        {
            result = await body(scope, row, config, policy).ConfigureAwait(false);
        }

        await scope.CommitAsync(cancellationToken).ConfigureAwait(false);
        return result;
    }

    private static bool Same(string a, string? b) => b is not null && string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
