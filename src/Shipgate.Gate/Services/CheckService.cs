using Dapper;
using Shipgate.Gate.Audit;
using Shipgate.Gate.Contracts;
using Shipgate.Gate.Domain;
using Shipgate.Gate.Infrastructure;

namespace Shipgate.Gate.Services;

/// <summary>Named check results per commit (e.g. <c>security-scan</c> from <c>shipgate scan --report-check</c>); the latest report wins. Audited.</summary>
public sealed class CheckService(GateDatabase database, IAuditLog audit, TimeProvider time)
{
    private static readonly string[] Statuses = ["success", "failure", "error", "neutral"];

    public async Task<Outcome<CheckDto>> ReportAsync(Caller caller, CheckBody body, CancellationToken cancellationToken)
    {
        if (body.Commit is not { Length: 40 or 64 } || !body.Commit.All(char.IsAsciiHexDigit))
        {
            return Errors.Invalid($"'commit' must be a full hexadecimal SHA, not '{body.Commit}'.");
        }

        if (body.Name is not { Length: > 0 and <= 100 } || body.Name.Any(char.IsWhiteSpace))
        {
            return Errors.Invalid("'name' must be 1 to 100 characters without spaces.");
        }

        if (!Statuses.Contains(body.Status))
        {
            return Errors.Invalid($"'status' must be one of {string.Join(", ", Statuses)}; not '{body.Status}'.");
        }

        if (body.Summary is { Length: > 4000 } || body.Url is { Length: > 2000 } || body.Repository is { Length: > 500 })
        {
            return Errors.Invalid("'summary', 'url' or 'repository' is too long.");
        }

        var dto = new CheckDto(body.Commit.ToLowerInvariant(), body.Name, body.Status, body.Repository, body.Summary, body.Url, caller.Name, time.GetUtcNow());
        await using var scope = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await scope.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO checks (commit_sha, name, status, repository, summary, url, reported_by, reported_at)
            VALUES (@Commit, @Name, @Status, @Repository, @Summary, @Url, @ReportedBy, @at)
            ON CONFLICT (commit_sha, name) DO UPDATE SET status = excluded.status, repository = excluded.repository,
                summary = excluded.summary, url = excluded.url, reported_by = excluded.reported_by, reported_at = excluded.reported_at
            """,
            new { dto.Commit, dto.Name, dto.Status, dto.Repository, dto.Summary, dto.Url, dto.ReportedBy, at = Timestamps.Format(dto.ReportedAt) },
            scope.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await audit.AppendAsync(new AuditEvent("check.reported", caller.Name, body.Status == "success" ? "success" : "failure", caller.SourceAddress,
            Repository: body.Repository, Commit: dto.Commit, Details: new Dictionary<string, string> { ["check"] = body.Name, ["status"] = body.Status, ["summary"] = body.Summary ?? "" }),
            scope.Transaction, cancellationToken).ConfigureAwait(false);
        await scope.CommitAsync(cancellationToken).ConfigureAwait(false);
        return dto;
    }

    public async Task<IReadOnlyList<CheckDto>> ListAsync(string commit, CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var rows = await connection.QueryAsync<CheckRow>(new CommandDefinition(
                "SELECT commit_sha, name, status, repository, summary, url, reported_by, reported_at FROM checks WHERE commit_sha = @commit ORDER BY name",
                new { commit = commit.ToLowerInvariant() }, cancellationToken: cancellationToken)).ConfigureAwait(false);
            return rows.Select(r => new CheckDto(r.CommitSha, r.Name, r.Status, r.Repository, r.Summary, r.Url, r.ReportedBy, Timestamps.Parse(r.ReportedAt))).ToArray();
        }
    }
}
