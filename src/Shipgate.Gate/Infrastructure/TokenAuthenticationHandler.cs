using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Shipgate.Gate.Domain;
using Shipgate.Gate.Services;

namespace Shipgate.Gate.Infrastructure;

/// <summary>
/// <c>Authorization: Bearer sgt_…</c>: looks the token up by its hash and builds the caller's claims (name, role,
/// groups, machine flag). A missing, unknown, revoked or expired token gets a 401 ProblemDetails and an
/// <c>auth.failed</c> audit record; a valid token without the needed role gets a 403 ProblemDetails.
/// </summary>
public sealed class TokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, TokenService tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";
    public const string GroupClaim = "shipgate:group";
    public const string MachineClaim = "shipgate:machine";
    public const string TokenIdClaim = "shipgate:token";
    public const string EnvironmentClaim = "shipgate:environment";
    private const string FailureKey = "shipgate:auth-failure";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
        {
            Context.Items[FailureKey] = "no bearer token";
            return AuthenticateResult.NoResult();
        }

        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            Context.Items[FailureKey] = "not a bearer token";
            return AuthenticateResult.Fail("not a bearer token");
        }

        var (token, failure) = await tokens.AuthenticateAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted).ConfigureAwait(false);
        if (token is null)
        {
            Context.Items[FailureKey] = failure;
            return AuthenticateResult.Fail(failure ?? "invalid token");
        }

        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, token.Name),
            new(ClaimTypes.Role, token.Role),
            new(MachineClaim, token.Machine ? "true" : "false"),
            new(TokenIdClaim, token.Id),
        };
        claims.AddRange(token.Groups.Select(g => new Claim(GroupClaim, g)));
        claims.AddRange((token.Environments ?? []).Select(e => new Claim(EnvironmentClaim, e)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var reason = Context.Items[FailureKey] as string ?? "authentication required";
        await tokens.RecordFailureAsync(reason, Context.Connection.RemoteIpAddress?.ToString(), Request.Path, Context.RequestAborted).ConfigureAwait(false);
        Response.Headers.WWWAuthenticate = "Bearer";
        await WriteProblemAsync(StatusCodes.Status401Unauthorized, "Unauthorized", $"A valid bearer token is required ({reason}).").ConfigureAwait(false);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteProblemAsync(StatusCodes.Status403Forbidden, "Forbidden", $"The token's role '{Context.User.FindFirstValue(ClaimTypes.Role)}' may not do this.");

    private Task WriteProblemAsync(int status, string title, string detail)
    {
        Response.StatusCode = status;
        return Results.Problem(new ProblemDetails { Status = status, Title = title, Detail = detail }).ExecuteAsync(Context);
    }

    /// <summary>The caller behind an authenticated request.</summary>
    public static Caller CallerOf(HttpContext context)
    {
        var user = context.User;
        Roles.TryFromWire(user.FindFirstValue(ClaimTypes.Role), out var role);
        return new Caller(
            user.Identity?.Name ?? "anonymous",
            role,
            user.FindAll(GroupClaim).Select(c => c.Value).ToArray(),
            user.FindFirstValue(MachineClaim) == "true",
            context.Connection.RemoteIpAddress?.ToString(),
            user.FindFirstValue(TokenIdClaim) ?? "",
            user.FindAll(EnvironmentClaim).Select(c => c.Value).ToArray());
    }
}
