using System.Data.Common;
using System.Text.Json;
using Dapper;
using Shipgate.Gate.Audit;
using Shipgate.Gate.Contracts;
using Shipgate.Gate.Domain;
using Shipgate.Gate.Infrastructure;

namespace Shipgate.Gate.Services;

/// <summary>
/// Deployment requests and their lifecycle. Every change runs in one write transaction with its audit record
/// (<see cref="IAuditLog.AppendAsync"/>): if the record cannot be written the change rolls back (fail-closed).
/// Refusals by policy are audited too (outcome <c>denied</c>). Thread-safe; one instance per service.
/// </summary>
public sealed partial class DeploymentService(GateDatabase database, IAuditLog audit, TimeProvider time, ConfigStore configs, IHealthProbe health)
{
    private const string Columns = "id, environment, status, commit_sha, ref, artifact, repository, workflow, run_id, run_number, commit_message, author, triggered_by, requested_by, requested_at, decided_at, expires_at, started_at, finished_at, superseded_by, override_reason, override_by, verification, version";

    public async Task<Outcome<DeploymentDto>> RequestAsync(Caller caller, DeploymentRequestBody body, CancellationToken cancellationToken)
    {
        if (Validate(body) is { } invalid)
        {
            return invalid;
        }

        await using var scope = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        if (!caller.MayAccess(body.Environment))
        {
            var outOfScope = Errors.Forbidden(caller.ScopeRefusal(body.Environment));
            var attempted = new DeploymentRow { Environment = body.Environment, CommitSha = body.Commit.ToLowerInvariant(), Ref = body.Ref, Repository = body.Repository, Workflow = body.Workflow, RunId = body.RunId, RunNumber = body.RunNumber, CommitMessage = FirstLine(body.CommitMessage), Author = body.Author };
            await AppendAsync(scope, Event("deployment.requested", caller, attempted, "denied", ("reason", outOfScope.Detail)), cancellationToken).ConfigureAwait(false);
            await scope.CommitAsync(cancellationToken).ConfigureAwait(false);
            return outOfScope;
        }

        var (_, config) = await configs.LoadAsync(scope.Connection, scope.Transaction, cancellationToken).ConfigureAwait(false);
        if (!config.Environments.TryGetValue(body.Environment, out var policy))
        {
            return Errors.NotFound($"Environment '{body.Environment}' is not configured.");
        }

        var now = time.GetUtcNow();
        var draft = new DeploymentRow
        {
            Environment = policy.Name,
            Status = DeploymentStatus.Pending.ToWire(),
            CommitSha = body.Commit.ToLowerInvariant(),
            Ref = body.Ref,
            Artifact = body.Artifact,
            Repository = body.Repository,
            Workflow = body.Workflow,
            RunId = body.RunId,
            RunNumber = body.RunNumber,
            CommitMessage = FirstLine(body.CommitMessage),
            Author = body.Author,
            TriggeredBy = body.TriggeredBy,
            RequestedBy = caller.Name,
            RequestedAt = Timestamps.Format(now),
            ExpiresAt = Timestamps.Format(now + policy.ApprovalExpiry),
            Version = 1,
        };

        GateError? refusal = null;
        if (!policy.AllowsRef(body.Ref))
        {
            refusal = Errors.Forbidden($"Ref '{body.Ref}' may not deploy to '{policy.Name}' (allowed: {string.Join(", ", policy.AllowedRefs.Select(r => r.Text))}).");
        }
        else if (policy.PromotionFrom is { } from)
        {
            var promoted = await scope.Connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT COUNT(*) FROM deployments WHERE environment = @from AND commit_sha = @sha AND status = 'succeeded'",
                new { from, sha = draft.CommitSha }, scope.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            if (promoted == 0)
            {
                refusal = Errors.Forbidden($"Commit {draft.CommitSha} has no successful deployment to '{from}', which must come before '{policy.Name}'.");
            }
        }

        if (refusal is not null)
        {
            await AppendAsync(scope, Event("deployment.requested", caller, draft, "denied", ("reason", refusal.Detail)), cancellationToken).ConfigureAwait(false);
            await scope.CommitAsync(cancellationToken).ConfigureAwait(false);
            return refusal;
        }

        draft.Id = await scope.Connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "UPDATE counters SET value = value + 1 WHERE name = 'deployment' RETURNING value", transaction: scope.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await scope.Connection.ExecuteAsync(new CommandDefinition(
            $"INSERT INTO deployments ({Columns}) VALUES (@Id, @Environment, @Status, @CommitSha, @Ref, @Artifact, @Repository, @Workflow, @RunId, @RunNumber, @CommitMessage, @Author, @TriggeredBy, @RequestedBy, @RequestedAt, @DecidedAt, @ExpiresAt, @StartedAt, @FinishedAt, @SupersededBy, @OverrideReason, @OverrideBy, @Verification, @Version)",
            draft, scope.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await AppendAsync(scope, Event("deployment.requested", caller, draft, "success"), cancellationToken).ConfigureAwait(false);
        var view = await ReconcileAsync(scope, draft, config, caller, cancellationToken).ConfigureAwait(false);
        await scope.CommitAsync(cancellationToken).ConfigureAwait(false);
        return view;
    }

    /// <summary>
    /// <see cref="GetAsync(long, CancellationToken)"/> for <paramref name="caller"/>: a deployment to an environment outside
    /// the token's scope is refused (403, audited as <c>deployment.read</c> denied).
    /// </summary>
    public async Task<Outcome<DeploymentDto>> GetAsync(Caller caller, long id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var outcome = await GetAsync(id, cancellationToken).ConfigureAwait(false);
        return outcome.Value is { } dto && !caller.MayAccess(dto.Environment)
            ? await DenyReadAsync(caller, dto.Environment, dto.Id, cancellationToken).ConfigureAwait(false)
            : outcome;
    }

    /// <summary>Audits a read refused by the token's environment scope and returns the refusal.</summary>
    public async Task<GateError> DenyReadAsync(Caller caller, string environment, long? id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var refusal = Errors.Forbidden(caller.ScopeRefusal(environment));
        await using var scope = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await AppendAsync(scope, Event("deployment.read", caller, new DeploymentRow { Id = id ?? 0, Environment = environment }, "denied", ("reason", refusal.Detail)), cancellationToken).ConfigureAwait(false);
        await scope.CommitAsync(cancellationToken).ConfigureAwait(false);
        return refusal;
    }

    /// <summary>Reads a deployment, first applying any move that time has made due (expiry, wait timer, approval).</summary>
    public async Task<Outcome<DeploymentDto>> GetAsync(long id, CancellationToken cancellationToken)
    {
        {
            await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
            var row = await LoadAsync(connection, null, id, cancellationToken).ConfigureAwait(false);
            if (row is null)
            {
                return Errors.NotFound($"Deployment {id} does not exist.");
            }

            var (_, config) = await configs.LoadAsync(connection, null, cancellationToken).ConfigureAwait(false);
            var view = await ViewAsync(connection, null, row, config, cancellationToken).ConfigureAwait(false);
            if (!NeedsReconcile(row, view))
            {
                return view.Dto;
            }
        }

        await using var scope = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        var fresh = await LoadAsync(scope.Connection, scope.Transaction, id, cancellationToken).ConfigureAwait(false);
        var (_, current) = await configs.LoadAsync(scope.Connection, scope.Transaction, cancellationToken).ConfigureAwait(false);
        var result = await ReconcileAsync(scope, fresh!, current, null, cancellationToken).ConfigureAwait(false);
        await scope.CommitAsync(cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>Requests, newest first; a token limited to some environments sees only those.</summary>
    public async Task<IReadOnlyList<DeploymentDto>> ListAsync(Caller? caller, string? environment, string? status, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var (_, config) = await configs.LoadAsync(connection, null, cancellationToken).ConfigureAwait(false);
        // Explicit parameters: Dapper passes a list to Npgsql as one array parameter, which "IN" does not take.
        var parameters = new DynamicParameters(new { environment, status, limit = Math.Clamp(limit, 1, 500) });
        var scope = caller is { Scoped: true } ? caller.Environments!.Select(e => e.ToLowerInvariant()).ToArray() : [];
        for (var i = 0; i < scope.Length; i++)
        {
            parameters.Add("scope" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), scope[i]);
        }

        var inScope = scope.Length == 0 ? "" : $" AND LOWER(environment) IN ({string.Join(", ", scope.Select((_, i) => "@scope" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)))})";
        var rows = await connection.QueryAsync<DeploymentRow>(new CommandDefinition(
            $"SELECT {Columns} FROM deployments WHERE (@environment IS NULL OR environment = @environment) AND (@status IS NULL OR status = @status){inScope} ORDER BY id DESC LIMIT @limit",
            parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var list = new List<DeploymentDto>();
        foreach (var row in rows)
        {
            list.Add((await ViewAsync(connection, null, row, config, cancellationToken).ConfigureAwait(false)).Dto);
        }

        return list;
    }

    /// <summary>Moves every open request that time has made due (expiry, wait timer); the service runs this periodically.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<long> open;
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            open = (await connection.QueryAsync<long>(new CommandDefinition(
                "SELECT id FROM deployments WHERE status IN ('pending', 'approved') ORDER BY id", cancellationToken: cancellationToken)).ConfigureAwait(false)).ToArray();
        }

        var moved = 0;
        foreach (var id in open)
        {
            var before = await GetStatusAsync(id, cancellationToken).ConfigureAwait(false);
            var after = await GetAsync(id, cancellationToken).ConfigureAwait(false);
            moved += after.Value is { } dto && dto.Status != before ? 1 : 0;
        }

        return moved;
    }

    private async Task<string?> GetStatusAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteScalarAsync<string>(new CommandDefinition("SELECT status FROM deployments WHERE id = @id", new { id }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    private static GateError? Validate(DeploymentRequestBody body)
    {
        if (string.IsNullOrWhiteSpace(body.Environment))
        {
            return Errors.Invalid("'environment' is required.");
        }

        if (body.Commit is not { Length: 40 or 64 } || !body.Commit.All(char.IsAsciiHexDigit))
        {
            return Errors.Invalid($"'commit' must be a full 40- or 64-character hexadecimal SHA, not '{body.Commit}'.");
        }

        if (body.Ref is null || !body.Ref.StartsWith("refs/", StringComparison.Ordinal) || body.Ref.Length > 255)
        {
            return Errors.Invalid($"'ref' must be a full git ref such as refs/heads/main, not '{body.Ref}'.");
        }

        if (body.Artifact is { } artifact && !(artifact.StartsWith("sha256:", StringComparison.Ordinal) && artifact.Length == 71 && artifact[7..].All(char.IsAsciiHexDigit)))
        {
            return Errors.Invalid($"'artifact' must be a digest such as sha256:<64 hex digits>, not '{artifact}'.");
        }

        foreach (var (name, value) in new[] { ("repository", body.Repository), ("workflow", body.Workflow), ("runId", body.RunId), ("runNumber", body.RunNumber), ("author", body.Author), ("triggeredBy", body.TriggeredBy) })
        {
            if (value is { Length: > 500 })
            {
                return Errors.Invalid($"'{name}' is longer than 500 characters.");
            }
        }

        return body.CommitMessage is { Length: > 10_000 } ? Errors.Invalid("'commitMessage' is longer than 10,000 characters.") : null;
    }

    private static string? FirstLine(string? text) => text?.Split('\n', 2)[0].TrimEnd('\r');

    internal static async Task<DeploymentRow?> LoadAsync(DbConnection connection, DbTransaction? transaction, long id, CancellationToken cancellationToken) =>
        await connection.QuerySingleOrDefaultAsync<DeploymentRow>(new CommandDefinition(
            $"SELECT {Columns} FROM deployments WHERE id = @id", new { id }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);

    private static Task<int> UpdateAsync(WriteScope scope, DeploymentRow row, CancellationToken cancellationToken)
    {
        row.Version++;
        return scope.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE deployments SET status = @Status, decided_at = @DecidedAt, expires_at = @ExpiresAt, started_at = @StartedAt, finished_at = @FinishedAt, superseded_by = @SupersededBy, override_reason = @OverrideReason, override_by = @OverrideBy, verification = @Verification, version = @Version WHERE id = @Id",
            row, scope.Transaction, cancellationToken: cancellationToken));
    }

    private Task<long> AppendAsync(WriteScope scope, AuditEvent auditEvent, CancellationToken cancellationToken) =>
        audit.AppendAsync(auditEvent, scope.Transaction, cancellationToken);

    internal static AuditEvent Event(string type, Caller? caller, DeploymentRow row, string outcome, params (string Key, string? Value)[] details)
    {
        var extra = details.Where(d => d.Value is not null).ToDictionary(d => d.Key, d => d.Value!, StringComparer.Ordinal);
        return new AuditEvent(
            type, caller?.Name ?? "system", outcome, caller?.SourceAddress, row.Environment, row.Id == 0 ? null : row.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            row.Repository, row.Ref, row.CommitSha, row.CommitMessage, row.Author, row.Workflow, row.RunId, row.RunNumber,
            extra.Count == 0 ? null : extra);
    }

    internal static string[] ParseGroups(string json) => JsonSerializer.Deserialize<string[]>(json) ?? [];
}
