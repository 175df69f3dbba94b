using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Shipgate.Cli.Tests.Support;

namespace Shipgate.Cli.Tests;

/// <summary>
/// The real <c>shipgate serve</c> process on a free loopback port with a temp data folder, driven by the real CLI:
/// a pipeline requests with <c>--wait</c> in the background, two approvers from different groups approve, it exits 0.
/// </summary>
public sealed class GateEndToEndTests : IAsyncLifetime
{
    private const string Commit = "4f2a9c1e0b7d3a5f6e8c9b0a1d2e3f4a5b6c7d8e";
    private readonly string directory = Path.Combine(Path.GetTempPath(), "shipgate-e2e-" + Guid.NewGuid().ToString("N")[..10]);
    private Process? server;
    private string url = "";
    private string adminToken = "";

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(directory);
        var port = FreePort();
        url = $"http://127.0.0.1:{port}";
        server = ShipgateProcess.Start(directory, new Dictionary<string, string>(), "serve", "--urls", url, "--data", Path.Combine(directory, "data"));

        // The first line on stdout is the one-time bootstrap token.
        var readLine = server.StandardOutput.ReadLineAsync();
        if (await Task.WhenAny(readLine, Task.Delay(TimeSpan.FromSeconds(60))) != readLine || await readLine is not { } line)
        {
            throw new InvalidOperationException("shipgate serve printed no bootstrap token: " + await ReadErrorsAsync());
        }

        adminToken = line[(line.LastIndexOf(' ') + 1)..];
        adminToken.ShouldStartWith("sgt_");
        using var http = new HttpClient();
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                (await http.GetAsync($"{url}/healthz")).EnsureSuccessStatusCode();
                break;
            }
            catch (HttpRequestException) when (attempt < 100)
            {
                await Task.Delay(200);
            }
        }
    }

    public async Task DisposeAsync()
    {
        if (server is { HasExited: false })
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }

        server?.Dispose();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public async Task Should_wait_for_two_approvals_from_different_groups_and_exit_0()
    {
        // Given a production environment needing security-team and tech-lead, and tokens made with the CLI.
        await File.WriteAllTextAsync(Path.Combine(directory, "gate.yml"), """
            environments:
              production:
                requires_approval: true
                approvers: [security-team, tech-lead]
                allowed_refs: [main]
            """);
        (await Cli(adminToken, "gate", "apply", "gate.yml")).ExitCode.ShouldBe(0);
        var ci = await NewTokenAsync("ci", "requester", "--machine");
        var alice = await NewTokenAsync("alice", "approver", "--group", "security-team");
        var carol = await NewTokenAsync("carol", "approver", "--group", "tech-lead");

        // When the pipeline requests and waits in the background, as GitHub Actions would run it.
        var github = new Dictionary<string, string>
        {
            ["SHIPGATE_URL"] = url,
            ["SHIPGATE_TOKEN"] = ci,
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_SHA"] = Commit,
            ["GITHUB_REF"] = "refs/heads/main",
            ["GITHUB_REPOSITORY"] = "acme/shop",
            ["GITHUB_WORKFLOW"] = "deploy",
            ["GITHUB_RUN_ID"] = "987654321",
            ["GITHUB_RUN_NUMBER"] = "42",
            ["GITHUB_ACTOR"] = "dave",
        };
        using var pipeline = ShipgateProcess.Start(directory, github, "deploy", "request", "--env", "production",
            "--artifact", "sha256:" + new string('a', 64), "--wait", "--timeout", "2m");
        var idLine = await pipeline.StandardOutput.ReadLineAsync();
        var id = idLine!.Trim();

        // Then two approvals from different groups release it.
        var first = await Cli(alice, "deploy", "approve", id, "--comment", "security reviewed");
        first.ExitCode.ShouldBe(0, first.ToString());
        first.Out.ShouldContain("pending");
        (await Cli(carol, "deploy", "approve", id)).ExitCode.ShouldBe(0);

        var waited = await ShipgateProcess.CompleteAsync(pipeline, TimeSpan.FromMinutes(1));
        waited.ExitCode.ShouldBe(0, waited.ToString());
        waited.Error.ShouldContain("waiting for approval: security-team 0/1; approval: tech-lead 0/1");
        waited.Error.ShouldContain($"deployment {id} approved");

        var shown = await Cli(ci, "deploy", "show", id, "--json");
        using var json = JsonDocument.Parse(shown.Out);
        json.RootElement.GetProperty("repository").GetString().ShouldBe("acme/shop");
        json.RootElement.GetProperty("runNumber").GetString().ShouldBe("42");
        json.RootElement.GetProperty("triggeredBy").GetString().ShouldBe("dave");
        json.RootElement.GetProperty("requestedBy").GetString().ShouldBe("ci");
        (await Cli(ci, "deploy", "start", id)).ExitCode.ShouldBe(0);
        (await Cli(ci, "deploy", "finish", id, "--status", "success")).Out.ShouldContain("succeeded");
    }

    [Fact]
    public async Task Should_exit_1_when_the_request_is_rejected_and_2_on_a_refusal()
    {
        await File.WriteAllTextAsync(Path.Combine(directory, "gate.yml"), """
            environments:
              production:
                requires_approval: true
                approvers: [security-team]
                allowed_refs: [main]
            """);
        (await Cli(adminToken, "gate", "apply", "gate.yml")).ExitCode.ShouldBe(0);
        var ci = await NewTokenAsync("ci", "requester", "--machine");
        var alice = await NewTokenAsync("alice", "approver", "--group", "security-team");

        using var pipeline = ShipgateProcess.Start(directory, new Dictionary<string, string> { ["SHIPGATE_URL"] = url, ["SHIPGATE_TOKEN"] = ci },
            "deploy", "request", "--env", "production", "--commit", Commit, "--ref", "refs/heads/main", "--wait");
        var id = (await pipeline.StandardOutput.ReadLineAsync())!.Trim();
        (await Cli(alice, "deploy", "reject", id, "--comment", "no")).ExitCode.ShouldBe(0);

        (await ShipgateProcess.CompleteAsync(pipeline, TimeSpan.FromMinutes(1))).ExitCode.ShouldBe(1);

        var refused = await Cli(ci, "deploy", "request", "--env", "production", "--commit", Commit, "--ref", "refs/heads/feature");
        refused.ExitCode.ShouldBe(2);
        refused.Error.ShouldContain("the gate refused (403): Ref 'refs/heads/feature' may not deploy to 'production'");

        // A token limited to staging (token create --env) is refused production.
        var stagingCi = await NewTokenAsync("ci-staging", "requester", "--machine", "--env", "staging");
        (await Cli(adminToken, "token", "list")).Out.ShouldContain("ci-staging requester machine groups=[] environments=[staging] active");
        var outOfScope = await Cli(stagingCi, "deploy", "request", "--env", "production", "--commit", Commit, "--ref", "refs/heads/main");
        outOfScope.ExitCode.ShouldBe(2);
        outOfScope.Error.ShouldContain("the gate refused (403): Token tok_");
        outOfScope.Error.ShouldContain("is limited to the environments staging; 'production' is not one of them.");
    }

    [Fact]
    public async Task Should_lose_no_acknowledged_write_or_audit_entry_when_killed_during_writes()
    {
        // Given a requester writing check results as fast as it can, through 8 concurrent clients.
        var ci = await NewTokenAsync("ci", "requester", "--machine");
        var auditor = await NewTokenAsync("audrey", "auditor");
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ci);
        var acknowledged = new System.Collections.Concurrent.ConcurrentBag<string>();
        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var commit = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{w}-{i}")))[..40];
                try
                {
                    using var response = await http.PostAsync("/api/checks", new StringContent(
                        $$"""{"commit":"{{commit}}","name":"security-scan","status":"success"}""", System.Text.Encoding.UTF8, "application/json"));
                    if (response.IsSuccessStatusCode)
                    {
                        acknowledged.Add(commit);
                    }
                }
                catch (HttpRequestException)
                {
                    return;
                }
            }
        })).ToArray();

        // When the server is killed with SIGKILL in the middle of the writes.
        while (acknowledged.Count < 100)
        {
            await Task.Delay(50);
        }

        server!.Kill(entireProcessTree: true);
        await server.WaitForExitAsync();
        stop.Cancel();
        await Task.WhenAll(writers);

        // Then after a restart every acknowledged write and its audit entry are there, and the log verifies.
        server.Dispose();
        server = ShipgateProcess.Start(directory, new Dictionary<string, string>(), "serve", "--urls", url, "--data", Path.Combine(directory, "data"));
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                (await http.GetAsync("/healthz")).EnsureSuccessStatusCode();
                break;
            }
            catch (HttpRequestException) when (attempt < 150)
            {
                await Task.Delay(200);
            }
        }

        var audited = new HashSet<string>(StringComparer.Ordinal);
        using var auditClient = new HttpClient { BaseAddress = new Uri(url) };
        auditClient.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", auditor);
        for (long since = 0; ;)
        {
            using var page = JsonDocument.Parse(await auditClient.GetStringAsync($"/api/audit/entries?since={since}&limit=1000"));
            var entries = page.RootElement.GetProperty("entries").EnumerateArray().ToArray();
            foreach (var entry in entries)
            {
                using var canonical = JsonDocument.Parse(entry.GetProperty("canonical").GetString()!);
                if (canonical.RootElement.GetProperty("type").GetString() == "check.reported")
                {
                    audited.Add(canonical.RootElement.GetProperty("commit").GetString()!);
                }
            }

            if (page.RootElement.GetProperty("next").ValueKind != JsonValueKind.Number)
            {
                break;
            }

            since = page.RootElement.GetProperty("next").GetInt64();
        }

        acknowledged.Count.ShouldBeGreaterThanOrEqualTo(100);
        acknowledged.Where(c => !audited.Contains(c)).ShouldBeEmpty("every acknowledged write has its audit entry");
        var stored = await http.GetStringAsync($"/api/checks/{acknowledged.First()}");
        stored.ShouldContain("security-scan");
        var verify = await ShipgateProcess.RunAsync(directory, new Dictionary<string, string> { ["SHIPGATE_TOKEN"] = auditor }, "audit", "verify", "--url", url);
        verify.ExitCode.ShouldBe(0, verify.ToString());
    }

    private Task<CliRun> Cli(string token, params string[] args) =>
        ShipgateProcess.RunAsync(directory, new Dictionary<string, string> { ["SHIPGATE_URL"] = url, ["SHIPGATE_TOKEN"] = token }, args);

    private async Task<string> NewTokenAsync(string name, string role, params string[] extra)
    {
        var run = await Cli(adminToken, ["token", "create", "--name", name, "--role", role, .. extra]);
        run.ExitCode.ShouldBe(0, run.ToString());
        return run.Out.Trim();
    }

    private async Task<string> ReadErrorsAsync()
    {
        if (server is { HasExited: false })
        {
            server.Kill(entireProcessTree: true);
        }

        return server is null ? "" : await server.StandardError.ReadToEndAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
