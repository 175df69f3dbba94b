using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Time.Testing;
using Shipgate.Gate.Contracts;
using Shipgate.Gate.Services;

namespace Shipgate.Gate.Tests.Support;

/// <summary>
/// A gate service on an in-memory test server over a real SQLite file in a temp folder (or PostgreSQL), with a fake
/// clock and a fake audit log. Restartable on the same store.
/// </summary>
public sealed class GateHost : IAsyncDisposable
{
    public const string Commit = "0123456789abcdef0123456789abcdef01234567";
    public const string OtherCommit = "89abcdef0123456789abcdef0123456789abcdef";

    private readonly string? postgres;
    private readonly bool realAudit;
    private readonly Func<ValueTask>? dropDatabase;
    private WebApplication? app;

    private GateHost(string directory, string? postgres, bool realAudit, Func<ValueTask>? dropDatabase)
    {
        DataDirectory = directory;
        this.postgres = postgres;
        this.realAudit = realAudit;
        this.dropDatabase = dropDatabase;
    }

    /// <summary>The PostgreSQL connection string of this host's database, when it runs on PostgreSQL.</summary>
    public string? Postgres => postgres;

    public string DataDirectory { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero));

    public FakeAuditLog Audit { get; } = new();

    public FakeHealthProbe Health { get; } = new();

    public string? BootstrapToken { get; private set; }

    public HttpClient Admin { get; private set; } = null!;

    /// <summary>
    /// Starts a service on a fresh SQLite file, or with <paramref name="postgres"/> on a fresh database of the
    /// <c>SHIPGATE_TEST_POSTGRES</c> server; <paramref name="realAudit"/> uses the Merkle audit log instead of the fake.
    /// </summary>
    public static async Task<GateHost> StartAsync(bool postgres = false, bool realAudit = false)
    {
        var directory = Path.Combine(Path.GetTempPath(), "shipgate-gate-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(directory);
        string? connectionString = null;
        Func<ValueTask>? drop = null;
        if (postgres)
        {
            (connectionString, drop) = await PostgresDatabase.CreateAsync();
        }

        var host = new GateHost(directory, connectionString, realAudit, drop);
        await host.RestartAsync();
        return host;
    }

    /// <summary>A second service replica on the same store (PostgreSQL) with its own data folder.</summary>
    public async Task<GateHost> StartReplicaAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "shipgate-gate-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(directory);
        var key = Path.Combine(DataDirectory, Gate.Audit.CheckpointSigner.KeyFileName);
        if (File.Exists(key))
        {
            File.Copy(key, Path.Combine(directory, Gate.Audit.CheckpointSigner.KeyFileName), overwrite: true);
        }

        var replica = new GateHost(directory, postgres, realAudit, null);
        await replica.RestartAsync();
        replica.Admin = replica.Client(BootstrapToken!);
        return replica;
    }

    /// <summary>Stops the service (if running) and starts a new one on the same store.</summary>
    public async Task RestartAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }

        var output = new StringWriter();
        app = GateApp.Build(new GateOptions
        {
            DataDirectory = DataDirectory,
            PostgresConnectionString = postgres,
            Time = Time,
            SweepInterval = null,
            Output = output,
            AuditLog = realAudit ? null : (_, _) => Audit,
            HealthProbe = Health,
            ConfigureBuilder = b => b.WebHost.UseTestServer(),
        });
        await GateApp.InitializeAsync(app);
        await app.StartAsync();
        var printed = output.ToString();
        var marker = "stored hashed): ";
        if (printed.Contains(marker, StringComparison.Ordinal))
        {
            BootstrapToken = printed[(printed.IndexOf(marker, StringComparison.Ordinal) + marker.Length)..].Trim();
        }

        if (BootstrapToken is not null)
        {
            Admin = Client(BootstrapToken);
        }
    }

    public HttpClient Anonymous() => app!.GetTestClient();

    public HttpClient Client(string secret)
    {
        var client = app!.GetTestClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    /// <summary>Creates a token through the API and returns a client that uses it.</summary>
    public async Task<HttpClient> UserAsync(string name, string role, bool machine = false, params string[] groups)
    {
        var response = await Admin.PostAsJsonAsync("/api/tokens", new TokenCreateBody(name, role, groups, machine));
        response.EnsureSuccessStatusCode();
        var created = (await response.Content.ReadFromJsonAsync<TokenCreatedDto>())!;
        return Client(created.Secret);
    }

    public async Task ApplyAsync(string yaml)
    {
        var response = await Admin.PutAsJsonAsync("/api/config", new ConfigApplyBody(yaml));
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException(await response.Content.ReadAsStringAsync());
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (dropDatabase is not null)
        {
            await dropDatabase();
        }

        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>A health probe whose answer the test sets.</summary>
public sealed class FakeHealthProbe : IHealthProbe
{
    public bool Healthy { get; set; } = true;

    public List<Uri> Probed { get; } = [];

    public Task<Gate.Domain.HealthCheckResult> ProbeAsync(Gate.Domain.HealthCheck check, CancellationToken cancellationToken)
    {
        Probed.Add(check.Url);
        var status = Healthy ? 200 : 503;
        var attempts = Healthy ? 1 : check.Retries + 1;
        return Task.FromResult(new Gate.Domain.HealthCheckResult(Healthy, check.Url, attempts, status, $"{check.Url} answered {status}"));
    }
}
