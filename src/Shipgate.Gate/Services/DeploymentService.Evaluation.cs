using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Dapper;
using Shipgate.Gate.Config;
using Shipgate.Gate.Contracts;
using Shipgate.Gate.Domain;
using Shipgate.Gate.Infrastructure;

namespace Shipgate.Gate.Services;

public sealed partial class DeploymentService
{
    /// <summary>A deployment as the API shows it, with what it is still waiting for.</summary>
    internal sealed record View(DeploymentDto Dto, bool Ready, bool Expired);

    /// <summary>
    /// Evaluates a request against its environment's rules at the current time: approvals (matched so a person counts
    /// once), required checks for the exact commit, the wait timer and freeze windows (unless overridden).
    /// </summary>
    internal async Task<View> ViewAsync(DbConnection connection, DbTransaction? transaction, DeploymentRow row, GateConfig config, CancellationToken cancellationToken)
    {
        var approvals = (await connection.QueryAsync<ApprovalRow>(new CommandDefinition(
            "SELECT deployment_id, approver, decision, groups_json, comment, created_at FROM approvals WHERE deployment_id = @id ORDER BY created_at, approver",
            new { id = row.Id }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToArray();
        var status = DeploymentLifecycle.FromWire(row.Status);
        var now = time.GetUtcNow();
        var waiting = new List<string>();
        var rules = Array.Empty<RuleProgress>();
        var expired = false;

        if (status is DeploymentStatus.Pending or DeploymentStatus.Approved)
        {
            expired = row.ExpiresAt is { } e && now >= Timestamps.Parse(e);
        }

        if (config.Environments.TryGetValue(row.Environment, out var policy))
        {
            var granted = approvals.Where(a => a.Decision == "approve").Select(a => new GroupApproval(a.Approver, ParseGroups(a.GroupsJson))).ToArray();
            rules = ApprovalMatcher.Match(policy.ApprovalRules, granted).ToArray();
            if (status == DeploymentStatus.Pending)
            {
                foreach (var rule in rules.Where(r => !r.Satisfied))
                {
                    waiting.Add($"approval: {rule.Rule.Group} {rule.Filled}/{rule.Rule.Count}");
                }

                if (policy.RequiredChecks.Count > 0)
                {
                    var checks = (await connection.QueryAsync<CheckRow>(new CommandDefinition(
                        "SELECT commit_sha, name, status, repository, summary, url, reported_by, reported_at FROM checks WHERE commit_sha = @sha",
                        new { sha = row.CommitSha }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);
                    foreach (var name in policy.RequiredChecks)
                    {
                        if (!checks.TryGetValue(name, out var check))
                        {
                            waiting.Add($"check: {name} not reported for {row.CommitSha[..12]}");
                        }
                        else if (!string.Equals(check.Status, "success", StringComparison.OrdinalIgnoreCase))
                        {
                            waiting.Add($"check: {name} is {check.Status}");
                        }
                    }
                }

                var waitUntil = Timestamps.Parse(row.RequestedAt) + policy.WaitTimer;
                if (now < waitUntil)
                {
                    waiting.Add($"wait timer: until {Timestamps.Format(waitUntil)}");
                }
            }

            if (status is DeploymentStatus.Pending or DeploymentStatus.Approved && row.OverrideReason is null && policy.FreezeAt(now) is { } freeze)
            {
                waiting.Add($"freeze: {freeze.Name} until {Timestamps.Format(freeze.End)}");
            }
        }
        else if (status == DeploymentStatus.Pending)
        {
            waiting.Add($"environment: '{row.Environment}' is no longer configured");
        }

        var dto = new DeploymentDto(
            row.Id, row.Environment, row.Status, row.CommitSha, row.Ref, row.Artifact, row.Repository, row.Workflow, row.RunId, row.RunNumber,
            row.CommitMessage, row.Author, row.TriggeredBy, row.RequestedBy, Timestamps.Parse(row.RequestedAt), Timestamps.ParseOrNull(row.DecidedAt),
            Timestamps.ParseOrNull(row.ExpiresAt), Timestamps.ParseOrNull(row.StartedAt), Timestamps.ParseOrNull(row.FinishedAt), row.SupersededBy,
            row.OverrideReason, row.OverrideBy, row.Verification,
            approvals.Select(a => new ApprovalDto(a.Approver, a.Decision, ParseGroups(a.GroupsJson), a.Comment, Timestamps.Parse(a.CreatedAt))).ToArray(),
            rules.Select(r => new RuleProgressDto(r.Rule.Group, r.Rule.Count, r.Filled, r.Approvers)).ToArray(),
            waiting,
            "");
        dto = dto with { Etag = string.Create(CultureInfo.InvariantCulture, $"{row.Version}.{approvals.Length}.{string.Join('|', waiting).GetHashCode(StringComparison.Ordinal):x8}") };
        return new View(dto, waiting.Count == 0 && config.Environments.ContainsKey(row.Environment), expired);
    }

    private static bool NeedsReconcile(DeploymentRow row, View view) => row.Status switch
    {
        "pending" => view.Expired || view.Ready,
        "approved" => view.Expired,
        _ => false,
    };

    /// <summary>
    /// Applies the moves the rules make due, inside the caller's write transaction: expiry of a pending or unstarted
    /// request; pending → approved once nothing is waiting, which supersedes older open requests to the same environment.
    /// </summary>
    internal async Task<DeploymentDto> ReconcileAsync(WriteScope scope, DeploymentRow row, GateConfig config, Caller? caller, CancellationToken cancellationToken)
    {
        var view = await ViewAsync(scope.Connection, scope.Transaction, row, config, cancellationToken).ConfigureAwait(false);
        if (!NeedsReconcile(row, view))
        {
            return view.Dto;
        }

        var now = time.GetUtcNow();
        if (view.Expired)
        {
            row.Status = DeploymentStatus.Expired.ToWire();
            row.DecidedAt = Timestamps.Format(now);
            await UpdateAsync(scope, row, cancellationToken).ConfigureAwait(false);
            await AppendAsync(scope, Event("deployment.expired", null, row, "success"), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var policy = config.Environments[row.Environment];
            row.Status = DeploymentStatus.Approved.ToWire();
            row.DecidedAt = Timestamps.Format(now);
            row.ExpiresAt = Timestamps.Format(now + policy.ApprovalExpiry);
            await UpdateAsync(scope, row, cancellationToken).ConfigureAwait(false);
            await AppendAsync(scope, Event("deployment.approved", caller, row, "success",
                ("approvers", string.Join(",", view.Dto.Rules.SelectMany(r => r.Approvers).Distinct(StringComparer.Ordinal))),
                ("rules", JsonSerializer.Serialize(view.Dto.Rules.Select(r => $"{r.Group} {r.Filled}/{r.Count}"))),
                ("override_reason", row.OverrideReason)), cancellationToken).ConfigureAwait(false);

            var older = await scope.Connection.QueryAsync<DeploymentRow>(new CommandDefinition(
                $"SELECT {Columns} FROM deployments WHERE environment = @environment AND id < @id AND status IN ('pending', 'approved') ORDER BY id",
                new { environment = row.Environment, id = row.Id }, scope.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            foreach (var old in older)
            {
                old.Status = DeploymentStatus.Superseded.ToWire();
                old.DecidedAt = Timestamps.Format(now);
                old.SupersededBy = row.Id;
                await UpdateAsync(scope, old, cancellationToken).ConfigureAwait(false);
                await AppendAsync(scope, Event("deployment.superseded", caller, old, "success",
                    ("superseded_by", row.Id.ToString(CultureInfo.InvariantCulture))), cancellationToken).ConfigureAwait(false);
            }
        }

        return (await ViewAsync(scope.Connection, scope.Transaction, row, config, cancellationToken).ConfigureAwait(false)).Dto;
    }
}
