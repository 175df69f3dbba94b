using System.CommandLine;
using System.Globalization;
using Shipgate.Cli.Gate;
using Shipgate.Gate.Contracts;

namespace Shipgate.Cli.Commands;

/// <summary><c>shipgate token create|revoke|list</c>: the gate's API tokens (admin).</summary>
internal static class TokenCommand
{
    public static Command Create(CliServices services) => new("token", "Manage the gate's API tokens (needs an admin token).")
    {
        CreateToken(services),
        Revoke(services),
        List(services),
    };

    private static Command CreateToken(CliServices services)
    {
        var gate = new GateConnection();
        var name = new Option<string>("--name") { Description = "Identity the token acts as (a person's login or a pipeline name).", Required = true };
        var role = new Option<string>("--role") { Description = "viewer, requester, approver, env-admin, auditor or admin.", Required = true };
        role.AcceptOnlyFromAmong("viewer", "requester", "approver", "env-admin", "auditor", "admin");
        var groups = new Option<string[]>("--group") { Description = "Group the identity belongs to (repeatable).", AllowMultipleArgumentsPerToken = true };
        var machine = new Option<bool>("--machine") { Description = "A machine identity (CI): may request, never approve." };
        var expires = new Option<string?>("--expires") { Description = "Lifetime, e.g. 90d or 12h (default: no expiry)." };
        var environments = new Option<string[]>("--env") { Description = "Limit the token to this environment (repeatable; default: every environment).", AllowMultipleArgumentsPerToken = true };
        var command = new Command("create", "Create a token; prints the secret once (it is stored only as a hash).") { name, role, groups, machine, expires, environments };
        gate.AddTo(command);
        command.SetAction((result, token) => GateVerb.RunAsync(services.Environment, async () =>
        {
            var env = services.Environment;
            DateTimeOffset? expiresAt = result.GetValue(expires) is { } e ? env.Time.GetUtcNow() + GateVerb.Duration(e, "--expires", TimeSpan.Zero) : null;
            using var client = gate.Connect(result, env);
            var created = await client.CreateTokenAsync(new TokenCreateBody(result.GetValue(name)!, result.GetValue(role)!, result.GetValue(groups) ?? [], result.GetValue(machine), expiresAt, result.GetValue(environments) ?? []), token).ConfigureAwait(false);
            await env.Error.WriteLineAsync($"shipgate: created token {created.Token.Id} for {created.Token.Name} ({created.Token.Role}); the secret below is shown once").ConfigureAwait(false);
            await env.Out.WriteLineAsync(created.Secret).ConfigureAwait(false);
            return 0;
        }));
        return command;
    }

    private static Command Revoke(CliServices services)
    {
        var gate = new GateConnection();
        var id = new Argument<string>("ID") { Description = "Token id (tok_…), as listed by 'token list'." };
        var command = new Command("revoke", "Revoke a token.") { id };
        gate.AddTo(command);
        command.SetAction((result, token) => GateVerb.RunAsync(services.Environment, async () =>
        {
            using var client = gate.Connect(result, services.Environment);
            var revoked = await client.RevokeTokenAsync(result.GetValue(id)!, token).ConfigureAwait(false);
            await services.Environment.Out.WriteLineAsync($"revoked {revoked.Id} ({revoked.Name})").ConfigureAwait(false);
            return 0;
        }));
        return command;
    }

    private static Command List(CliServices services)
    {
        var gate = new GateConnection();
        var command = new Command("list", "List tokens (never their secrets).");
        gate.AddTo(command);
        command.SetAction((result, token) => GateVerb.RunAsync(services.Environment, async () =>
        {
            using var client = gate.Connect(result, services.Environment);
            foreach (var t in await client.ListTokensAsync(token).ConfigureAwait(false))
            {
                var state = t.RevokedAt is not null ? "revoked" : t.ExpiresAt is { } x ? $"expires {x:yyyy-MM-dd}" : "active";
                await services.Environment.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{t.Id} {t.Name} {t.Role}{(t.Machine ? " machine" : "")} groups=[{string.Join(",", t.Groups)}] environments=[{(t.Environments is { Count: > 0 } scope ? string.Join(",", scope) : "*")}] {state}")).ConfigureAwait(false);
            }

            return 0;
        }));
        return command;
    }
}
