using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Shipgate.Cli.Tests.Support;
using Shipgate.Gate.Audit;

namespace Shipgate.Cli.Tests;

/// <summary><c>shipgate audit export|verify --url</c> against the audit API served by Kestrel on loopback over a real SQLite file.</summary>
public sealed class AuditCommandUrlTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("shipgate-audit-url-").FullName;
    private WebApplication _app = null!;
    private string _url = null!;

    public async Task InitializeAsync()
    {
        var connections = new AuditConnectionFactory(() => new SqliteConnection($"Data Source={Path.Combine(_dir, "gate.db")};Pooling=False"), DatabaseProvider.Sqlite);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddAuditLog(connections, Path.Combine(_dir, "data"));
        builder.Services.AddAuthentication("Test").AddScheme<AuthenticationSchemeOptions, TokenHandler>("Test", _ => { });
        builder.Services.AddAuthorizationBuilder().AddPolicy("auditor", p => p.RequireRole("auditor"));
        _app = builder.Build();
        _app.UseAuthentication();
        _app.UseAuthorization();
        _app.MapAuditEndpoints();
        await _app.StartAsync();
        _url = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        await using var connection = await connections.OpenAsync();
        await using (var migrate = connection.CreateCommand())
        {
            migrate.CommandText = AuditSchema.Migration(DatabaseProvider.Sqlite);
            await migrate.ExecuteNonQueryAsync();
        }

        var log = _app.Services.GetRequiredService<IAuditLog>();
        for (var i = 0; i < 30; i++)
        {
            await using var transaction = await connection.BeginTransactionAsync();
            await log.AppendAsync(new AuditEvent("deployment.approved", "alice", "success", Environment: "production", DeploymentId: "dep-" + i), transaction);
            await transaction.CommitAsync();
        }

        await File.WriteAllTextAsync(Path.Combine(_dir, "key.pem"), _app.Services.GetRequiredService<CheckpointSigner>().ExportPublicKeyPem());
    }

    [Fact]
    public async Task Export_then_verify_offline_and_verify_from_the_url()
    {
        var export = await CliHarness.RunAsync(_dir, null, null, "audit", "export", "--url", _url, "--token", "auditor", "--since", "10", "--output", "audit.jsonl");
        export.ExitCode.ShouldBe(0, export.ToString());
        var offline = await CliHarness.RunAsync(_dir, null, null, "audit", "verify", "audit.jsonl", "--public-key", "key.pem");
        offline.ExitCode.ShouldBe(0, offline.ToString());
        offline.Out.ShouldStartWith("verified 20 entries (10..29)");

        var online = await CliHarness.RunAsync(_dir, null, null, "audit", "verify", "--url", _url, "--token", "auditor", "--public-key", "key.pem");
        online.ExitCode.ShouldBe(0, online.ToString());
        online.Out.ShouldStartWith("verified 30 entries (0..29)");

        var events = await CliHarness.RunAsync(_dir, null, null, "audit", "export", "--url", _url, "--token", "auditor", "--format", "cloudevents");
        events.ExitCode.ShouldBe(0, events.ToString());
        events.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(30);
        events.Out.ShouldContain("\"specversion\":\"1.0\"");

        // An archive of the first 12 entries ends with a signed checkpoint of tree size 12 and verifies on its own.
        var archive = await CliHarness.RunAsync(_dir, null, null, "audit", "export", "--url", _url, "--token", "auditor", "--until", "12", "--output", "archive.jsonl");
        archive.ExitCode.ShouldBe(0, archive.ToString());
        var archived = await CliHarness.RunAsync(_dir, null, null, "audit", "verify", "archive.jsonl", "--public-key", "key.pem");
        archived.ExitCode.ShouldBe(0, archived.ToString());
        archived.Out.ShouldStartWith("verified 12 entries (0..11)");
        (await CliHarness.RunAsync(_dir, null, null, "audit", "export", "--url", _url, "--token", "auditor", "--until", "yesterday")).ExitCode.ShouldBe(2);
    }

    [Fact]
    public async Task A_missing_or_weak_token_is_a_one_line_usage_error()
    {
        var anonymous = await CliHarness.RunAsync(_dir, null, null, "audit", "export", "--url", _url);
        anonymous.ExitCode.ShouldBe(2);
        anonymous.Error.ShouldContain("401 Unauthorized");
        var viewer = await CliHarness.RunAsync(_dir, null, null, "audit", "verify", "--url", _url, "--token", "viewer", "--public-key", "key.pem");
        viewer.ExitCode.ShouldBe(2);
        viewer.Error.ShouldContain("403 Forbidden");
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    private sealed class TokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            var header = Request.Headers.Authorization.ToString();
            if (!header.StartsWith("Bearer ", StringComparison.Ordinal))
            {
                return Task.FromResult(AuthenticateResult.NoResult());
            }

            var role = header["Bearer ".Length..];
            var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, role), new Claim(ClaimTypes.Role, role)], "Test");
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), "Test")));
        }
    }
}
