using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dapper;
using Shipgate.Gate.Audit;
using Shipgate.Gate.Contracts;
using Shipgate.Gate.Domain;
using Shipgate.Gate.Infrastructure;

namespace Shipgate.Gate.Services;

/// <summary>
/// API tokens: <c>sgt_</c> + 256 random bits (base64url). Only the SHA-256 of a token is stored (a slow hash adds
/// nothing for a random 256-bit secret); lookups are by that hash. Creation and revocation are audited. Thread-safe.
/// </summary>
public sealed class TokenService(GateDatabase database, IAuditLog audit, TimeProvider time)
{
    public const string Prefix = "sgt_";

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Finds the live token with this secret, or says why it is not valid.</summary>
    public async Task<(TokenDto? Token, string? Failure)> AuthenticateAsync(string secret, CancellationToken cancellationToken)
    {
        if (!secret.StartsWith(Prefix, StringComparison.Ordinal) || secret.Length > 200)
        {
            return (null, "malformed token");
        }

        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var row = await connection.QuerySingleOrDefaultAsync<TokenRow>(new CommandDefinition(
                "SELECT id, name, role, groups_json, machine, environments_json, created_at, created_by, expires_at, revoked_at FROM tokens WHERE hash = @hash",
                new { hash = Hash(secret) }, cancellationToken: cancellationToken)).ConfigureAwait(false);
            if (row is null)
            {
                return (null, "unknown token");
            }

            var token = ToDto(row);
            return token.RevokedAt is not null ? (null, $"token {token.Id} is revoked")
                : token.ExpiresAt is { } expires && expires <= time.GetUtcNow() ? (null, $"token {token.Id} expired")
                : (token, null);
        }
    }

    public async Task<Outcome<TokenCreatedDto>> CreateAsync(Caller? caller, TokenCreateBody body, CancellationToken cancellationToken)
    {
        if (body.Name is not { Length: > 0 and <= 100 } || body.Name.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return Errors.Invalid("'name' must be 1 to 100 characters without spaces.");
        }

        if (!Roles.TryFromWire(body.Role, out var role))
        {
            return Errors.Invalid($"'role' must be one of viewer, requester, approver, env-admin, auditor, admin; not '{body.Role}'.");
        }

        var groups = (body.Groups ?? []).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        if (groups.Any(g => g is not { Length: > 0 and <= 100 } || g.Any(char.IsWhiteSpace)) || groups.Length > 50)
        {
            return Errors.Invalid("'groups' must be at most 50 names of 1 to 100 characters without spaces.");
        }

        var environments = (body.Environments ?? []).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        if (environments.Any(e => e is not { Length: > 0 and <= 100 } || e.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c == ',')) || environments.Length > 50)
        {
            return Errors.Invalid("'environments' must be at most 50 names of 1 to 100 characters without spaces or commas.");
        }

        if (caller is { Scoped: true } && (environments.Length == 0 || environments.Any(e => !caller.MayAccess(e))))
        {
            // A limited token can only hand out a subset of its own environments.
            var refusal = Errors.Forbidden($"Token {caller.TokenId} ('{caller.Name}') is limited to the environments {string.Join(", ", caller.Environments!)} and can only create tokens limited to some of them.");
            await using var denied = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
            await audit.AppendAsync(new AuditEvent("token.created", caller.Name, "denied", caller.SourceAddress, Details: new Dictionary<string, string>
            {
                ["name"] = body.Name,
                ["role"] = role.ToWire(),
                ["environments"] = environments.Length == 0 ? "all" : string.Join(",", environments),
                ["reason"] = refusal.Detail,
            }), denied.Transaction, cancellationToken).ConfigureAwait(false);
            await denied.CommitAsync(cancellationToken).ConfigureAwait(false);
            return refusal;
        }

        var now = time.GetUtcNow();
        if (body.ExpiresAt is { } expires && expires <= now)
        {
            return Errors.Invalid("'expiresAt' is in the past.");
        }

        var secret = Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var id = "tok_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var row = new TokenRow
        {
            Id = id,
            Name = body.Name,
            Role = role.ToWire(),
            GroupsJson = JsonSerializer.Serialize(groups),
            Machine = body.Machine ? 1 : 0,
            EnvironmentsJson = JsonSerializer.Serialize(environments),
            CreatedAt = Timestamps.Format(now),
            CreatedBy = caller?.Name ?? "bootstrap",
            ExpiresAt = Timestamps.Format(body.ExpiresAt),
        };

        await using var scope = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await scope.Connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO tokens (id, name, role, groups_json, machine, environments_json, hash, created_at, created_by, expires_at) VALUES (@Id, @Name, @Role, @GroupsJson, @Machine, @EnvironmentsJson, @hash, @CreatedAt, @CreatedBy, @ExpiresAt)",
            new { row.Id, row.Name, row.Role, row.GroupsJson, row.Machine, row.EnvironmentsJson, hash = Hash(secret), row.CreatedAt, row.CreatedBy, row.ExpiresAt },
            scope.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await audit.AppendAsync(new AuditEvent("token.created", row.CreatedBy, "success", caller?.SourceAddress, Details: new Dictionary<string, string>
        {
            ["token_id"] = id,
            ["name"] = row.Name,
            ["role"] = row.Role,
            ["groups"] = string.Join(",", groups),
            ["machine"] = body.Machine ? "true" : "false",
            ["environments"] = environments.Length == 0 ? "all" : string.Join(",", environments),
            ["expires_at"] = row.ExpiresAt ?? "never",
        }), scope.Transaction, cancellationToken).ConfigureAwait(false);
        await scope.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new TokenCreatedDto(ToDto(row), secret);
    }

    public async Task<Outcome<TokenDto>> RevokeAsync(Caller caller, string id, CancellationToken cancellationToken)
    {
        await using var scope = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        var row = await scope.Connection.QuerySingleOrDefaultAsync<TokenRow>(new CommandDefinition(
            "SELECT id, name, role, groups_json, machine, environments_json, created_at, created_by, expires_at, revoked_at FROM tokens WHERE id = @id",
            new { id }, scope.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (row is null)
        {
            return Errors.NotFound($"Token {id} does not exist.");
        }

        if (row.RevokedAt is not null)
        {
            return Errors.Conflict($"Token {id} is already revoked.");
        }

        row.RevokedAt = Timestamps.Format(time.GetUtcNow());
        await scope.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE tokens SET revoked_at = @at, revoked_by = @by WHERE id = @id", new { at = row.RevokedAt, by = caller.Name, id }, scope.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await audit.AppendAsync(new AuditEvent("token.revoked", caller.Name, "success", caller.SourceAddress, Details: new Dictionary<string, string>
        {
            ["token_id"] = id,
            ["name"] = row.Name,
            ["role"] = row.Role,
        }), scope.Transaction, cancellationToken).ConfigureAwait(false);
        await scope.CommitAsync(cancellationToken).ConfigureAwait(false);
        return ToDto(row);
    }

    public async Task<IReadOnlyList<TokenDto>> ListAsync(CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var rows = await connection.QueryAsync<TokenRow>(new CommandDefinition(
                "SELECT id, name, role, groups_json, machine, environments_json, created_at, created_by, expires_at, revoked_at FROM tokens ORDER BY created_at, id", cancellationToken: cancellationToken)).ConfigureAwait(false);
            return rows.Select(ToDto).ToArray();
        }
    }

    /// <summary>On first start (no token at all), creates the admin bootstrap token and returns its secret; otherwise null.</summary>
    public async Task<string?> BootstrapAsync(CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            if (await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM tokens", cancellationToken: cancellationToken)).ConfigureAwait(false) > 0)
            {
                return null;
            }
        }

        var created = await CreateAsync(null, new TokenCreateBody("admin", "admin"), cancellationToken).ConfigureAwait(false);
        return created.Value?.Secret;
    }

    /// <summary>An audit record for a failed authentication (in its own transaction: nothing else changes).</summary>
    public async Task RecordFailureAsync(string reason, string? sourceAddress, string path, CancellationToken cancellationToken)
    {
        await using var scope = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await audit.AppendAsync(new AuditEvent("auth.failed", "anonymous", "denied", sourceAddress, Details: new Dictionary<string, string>
        {
            ["reason"] = reason,
            ["path"] = path.Length > 200 ? path[..200] : path,
        }), scope.Transaction, cancellationToken).ConfigureAwait(false);
        await scope.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static TokenDto ToDto(TokenRow row) => new(
        row.Id, row.Name, row.Role, DeploymentService.ParseGroups(row.GroupsJson), row.Machine != 0, Timestamps.Parse(row.CreatedAt), row.CreatedBy,
        Timestamps.ParseOrNull(row.ExpiresAt), Timestamps.ParseOrNull(row.RevokedAt), DeploymentService.ParseGroups(row.EnvironmentsJson));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
