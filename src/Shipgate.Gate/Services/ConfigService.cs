using Dapper;
using Shipgate.Gate.Audit;
using Shipgate.Gate.Config;
using Shipgate.Gate.Contracts;
using Shipgate.Gate.Domain;
using Shipgate.Gate.Infrastructure;

namespace Shipgate.Gate.Services;

/// <summary>Configuration as code: applies a validated <c>gate.yml</c> as a new version (audited) and exports the current one.</summary>
public sealed class ConfigService(GateDatabase database, IAuditLog audit, TimeProvider time, ConfigStore configs)
{
    public async Task<Outcome<ConfigDto>> ApplyAsync(Caller caller, ConfigApplyBody body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.Scoped)
        {
            // gate.yml configures every environment at once.
            var refusal = Errors.Forbidden($"Token {caller.TokenId} ('{caller.Name}') is limited to the environments {string.Join(", ", caller.Environments!)}; applying gate.yml changes every environment and needs a token for all of them.");
            await using var denied = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
            await audit.AppendAsync(new AuditEvent("config.applied", caller.Name, "denied", caller.SourceAddress, Details: new Dictionary<string, string> { ["reason"] = refusal.Detail }), denied.Transaction, cancellationToken).ConfigureAwait(false);
            await denied.CommitAsync(cancellationToken).ConfigureAwait(false);
            return refusal;
        }

        GateConfig parsed;
        var fileName = string.IsNullOrWhiteSpace(body.FileName) ? "gate.yml" : Path.GetFileName(body.FileName);
        try
        {
            parsed = GateConfigParser.Parse(body.Yaml ?? "", fileName);
        }
        catch (GateConfigException ex)
        {
            return Errors.Invalid(ex.Message);
        }

        await using var scope = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        var (version, previous) = await configs.LoadAsync(scope.Connection, scope.Transaction, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var next = version + 1;
        await scope.Connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO gate_config (version, yaml, applied_at, applied_by) VALUES (@next, @yaml, @at, @by)",
            new { next, yaml = body.Yaml, at = Timestamps.Format(now), by = caller.Name }, scope.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);

        var added = parsed.Environments.Keys.Except(previous.Environments.Keys, StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal);
        var removed = previous.Environments.Keys.Except(parsed.Environments.Keys, StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal);
        var selfApprovalAllowed = parsed.Environments.Values.Where(e => !e.PreventSelfApproval && e.RequiresApproval).Select(e => e.Name).Order(StringComparer.Ordinal);
        await audit.AppendAsync(new AuditEvent("config.applied", caller.Name, "success", caller.SourceAddress, Details: new Dictionary<string, string>
        {
            ["version"] = next.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["sha256"] = TokenService.Hash(body.Yaml ?? ""),
            ["environments"] = string.Join(",", parsed.Environments.Keys.Order(StringComparer.Ordinal)),
            ["added"] = string.Join(",", added),
            ["removed"] = string.Join(",", removed),
            ["self_approval_allowed"] = string.Join(",", selfApprovalAllowed),
        }), scope.Transaction, cancellationToken).ConfigureAwait(false);
        await scope.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new ConfigDto(next, body.Yaml ?? "", now, caller.Name);
    }

    public async Task<ConfigDto?> ExportAsync(CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var row = await connection.QuerySingleOrDefaultAsync<(long Version, string Yaml, string AppliedAt, string AppliedBy)>(new CommandDefinition(
                "SELECT version, yaml, applied_at, applied_by FROM gate_config ORDER BY version DESC LIMIT 1", cancellationToken: cancellationToken)).ConfigureAwait(false);
            return row.Yaml is null ? null : new ConfigDto(row.Version, row.Yaml, Timestamps.Parse(row.AppliedAt), row.AppliedBy);
        }
    }

    public async Task<IReadOnlyList<EnvironmentDto>> EnvironmentsAsync(CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var (_, config) = await configs.LoadAsync(connection, null, cancellationToken).ConfigureAwait(false);
            var locks = (await connection.QueryAsync<(string Environment, long Id)>(new CommandDefinition(
                "SELECT environment, id FROM deployments WHERE status = 'in_progress'", cancellationToken: cancellationToken)).ConfigureAwait(false))
                .ToDictionary(l => l.Environment, l => l.Id, StringComparer.OrdinalIgnoreCase);
            var now = time.GetUtcNow();
            return config.Environments.Values.OrderBy(e => e.Name, StringComparer.Ordinal).Select(e => new EnvironmentDto(
                e.Name, e.RequiresApproval, e.ApprovalRules.Select(r => new RuleProgressDto(r.Group, r.Count, 0, [])).ToArray(), e.PreventSelfApproval,
                e.AllowedRefs.Select(r => r.Text).ToArray(), e.PromotionFrom, e.RequiredChecks, (int)e.WaitTimer.TotalMinutes, e.ApprovalExpiry.TotalHours,
                e.FreezeWindows.Select(w => w.ToString()).ToArray(), e.FreezeAt(now) is { } f ? $"{f.Name} until {Timestamps.Format(f.End)}" : null,
                e.HealthCheckUrl?.ToString(), locks.TryGetValue(e.Name, out var held) ? held : null)).ToArray();
        }
    }
}
