using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Shipgate.Gate;
using Shipgate.Gate.Audit;
using Shipgate.Gate.Infrastructure;

namespace Shipgate.Cli.Commands;

/// <summary><c>shipgate serve</c>: runs the deployment gate service.</summary>
internal static class ServeCommand
{
    public static Command Create(CliServices services)
    {
        var urls = new Option<string[]>("--urls") { Description = "Addresses to listen on (default http://127.0.0.1:8080).", AllowMultipleArgumentsPerToken = true };
        var data = new Option<string?>("--data") { Description = "Data folder: the SQLite store and the checkpoint signing key (default ./shipgate-data)." };
        var database = new Option<string?>("--database") { Description = "PostgreSQL connection string (Host=…;Database=…) for a store shared by several replicas; default: SQLite in --data. Also $SHIPGATE_DATABASE." };
        var cert = new Option<string?>("--tls-cert") { Description = "PEM certificate for HTTPS." };
        var key = new Option<string?>("--tls-key") { Description = "PEM private key for HTTPS." };
        var insecure = new Option<bool>("--insecure-http") { Description = "Allow plain HTTP on a non-loopback address (only behind a TLS-terminating proxy)." };
        var checkpointEvery = new Option<int>("--audit-checkpoint-every") { Description = "Sign an audit checkpoint inside every N-th append (default 256; 1 signs every entry).", DefaultValueFactory = _ => AuditCheckpointPolicy.DefaultEvery };
        var retentionYears = new Option<int>("--audit-retention-years") { Description = "How long audit entries must be kept and archived (default 7; see GET /api/audit/retention).", DefaultValueFactory = _ => AuditRetention.DefaultYears };
        var checkpointInterval = new Option<string>("--audit-checkpoint-interval") { Description = "Sign the audit log's unsigned tail this often, e.g. 30s, 1m, 1h (default 1m; 0s: only on export).", DefaultValueFactory = _ => "1m" };
        var command = new Command("serve", "Run the deployment gate service (protected environments, approvals, audit log). First start prints a one-time admin token.")
        {
            urls, data, database, cert, key, insecure, checkpointEvery, checkpointInterval, retentionYears,
        };
        command.SetAction(async (result, token) =>
        {
            var env = services.Environment;
            var every = result.GetValue(checkpointEvery);
            if (every is < 1 or > 1_000_000)
            {
                throw new UsageException("--audit-checkpoint-every must be between 1 and 1000000.");
            }

            var years = result.GetValue(retentionYears);
            if (years is < 1 or > 100)
            {
                throw new UsageException("--audit-retention-years must be between 1 and 100.");
            }

            var intervalText = result.GetValue(checkpointInterval)!;
            if (!Shipgate.Gate.Config.GateDuration.TryParse(intervalText, out var interval))
            {
                throw new UsageException($"--audit-checkpoint-interval '{intervalText}' is not a duration such as 30s, 1m or 1h.");
            }

            var options = new GateOptions
            {
                DataDirectory = env.Resolve(result.GetValue(data) ?? "shipgate-data"),
                PostgresConnectionString = result.GetValue(database) ?? env.GetEnvironmentVariable("SHIPGATE_DATABASE"),
                Urls = result.GetValue(urls) is { Length: > 0 } given ? given : ["http://127.0.0.1:8080"],
                TlsCertificatePath = result.GetValue(cert) is { } c ? env.Resolve(c) : null,
                TlsKeyPath = result.GetValue(key) is { } k ? env.Resolve(k) : null,
                InsecureHttp = result.GetValue(insecure),
                Output = env.Out,
                Time = env.Time,
                AuditCheckpoints = new AuditCheckpointPolicy(every, interval > TimeSpan.Zero ? interval : null),
                AuditRetention = new AuditRetention(years),
            };

            Microsoft.AspNetCore.Builder.WebApplication app;
            try
            {
                app = GateApp.Build(options);
            }
            catch (ArgumentException ex)
            {
                throw new UsageException(ex.Message);
            }
            catch (Exception ex) when (ex is IOException or System.Security.Cryptography.CryptographicException or UnauthorizedAccessException)
            {
                throw new UsageException($"cannot start the gate: {ex.Message}");
            }

            await using (app.ConfigureAwait(false))
            {
                await GateApp.InitializeAsync(app, token).ConfigureAwait(false);
                await app.StartAsync(token).ConfigureAwait(false);
                var store = app.Services.GetRequiredService<GateDatabase>().Description;
                await env.Error.WriteLineAsync($"shipgate: gate listening on {string.Join(", ", app.Urls)} ({store})").ConfigureAwait(false);
                await app.WaitForShutdownAsync(token).ConfigureAwait(false);
            }

            return 0;
        });
        return command;
    }
}
