using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shipgate.Gate.Contracts;
using Shipgate.Gate.Tests.Audit;
using Shipgate.Gate.Tests.Support;

namespace Shipgate.Gate.Tests.Apis;

/// <summary>
/// The same service on a real PostgreSQL server (<c>SHIPGATE_TEST_POSTGRES</c>), with the real Merkle audit log,
/// including two replicas sharing one database. Skipped, with the reason, when the variable is not set.
/// </summary>
public sealed class PostgresTests
{
    private const string Config = """
        environments:
          staging: {}
          production:
            requires_approval: true
            approval_rules:
              - { group: security-team, count: 3 }
        """;

    [PostgresFact]
    public async Task Should_run_the_approval_flow_and_keep_pending_requests_across_a_restart()
    {
        await using var gate = await GateHost.StartAsync(postgres: true, realAudit: true);
        await gate.ApplyAsync(GateConfigs.Standard);
        var ci = await gate.UserAsync("ci", "requester", machine: true);
        var staging = await ci.RequestAsync("staging");
        await ci.PostAsync($"/api/deployments/{staging.Id}/start", null).OkAsync();
        await ci.PostAsJsonAsync($"/api/deployments/{staging.Id}/finish", new FinishBody("success")).OkAsync();
        var request = await ci.RequestAsync("production");
        await (await gate.UserAsync("bob", "approver")).ApproveAsync(request.Id).OkAsync();

        await gate.RestartAsync();

        (await gate.Admin.GetDeploymentAsync(request.Id)).Status.ShouldBe("pending");
        var carol = await gate.UserAsync("carol", "approver");
        (await carol.ApproveAsync(request.Id).OkAsync()).Status.ShouldBe("approved");
        await carol.ApproveAsync(request.Id).ProblemAsync(HttpStatusCode.Conflict);
        var auditor = await gate.UserAsync("audrey", "auditor");
        var entries = await auditor.GetStringAsync("/api/audit/entries?since=0&limit=1000");
        entries.ShouldContain("deployment.approved");
        entries.ShouldContain("token.created");
    }

    [PostgresFact]
    public async Task Should_keep_one_consistent_log_when_two_replicas_append_concurrently()
    {
        await using var first = await GateHost.StartAsync(postgres: true, realAudit: true);
        await using var second = await first.StartReplicaAsync();
        await first.ApplyAsync(Config);
        var ciOnFirst = await first.UserAsync("ci", "requester", machine: true);
        var ciOnSecond = second.Client((await (await first.Admin.PostAsJsonAsync("/api/tokens", new TokenCreateBody("ci2", "requester", Machine: true))).Content.ReadFromJsonAsync<TokenCreatedDto>())!.Secret);

        // Many requests to staging through both replicas at once.
        var requests = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => (i % 2 == 0 ? ciOnFirst : ciOnSecond).RequestAsync("staging")));
        requests.Select(r => r.Id).Distinct().Count().ShouldBe(20);

        // Six approvers on two replicas approve one production request at once: three count, and it approves once.
        var production = await ciOnFirst.RequestAsync("production");
        var approvers = new List<HttpClient>();
        for (var i = 0; i < 6; i++)
        {
            var secret = (await (await first.Admin.PostAsJsonAsync("/api/tokens", new TokenCreateBody($"approver{i}", "approver", ["security-team"]))).Content.ReadFromJsonAsync<TokenCreatedDto>())!.Secret;
            approvers.Add(i % 2 == 0 ? first.Client(secret) : second.Client(secret));
        }

        var responses = await Task.WhenAll(approvers.Select(a => a.ApproveAsync(production.Id)));
        responses.Count(r => r.IsSuccessStatusCode).ShouldBe(3);
        (await second.Admin.GetDeploymentAsync(production.Id)).Status.ShouldBe("approved");

        // One log: contiguous sequence numbers, each request and the approval recorded exactly once.
        var auditor = first.Client((await (await first.Admin.PostAsJsonAsync("/api/tokens", new TokenCreateBody("audrey", "auditor"))).Content.ReadFromJsonAsync<TokenCreatedDto>())!.Secret);
        using var page = JsonDocument.Parse(await auditor.GetStringAsync("/api/audit/entries?since=0&limit=1000"));
        var entries = page.RootElement.GetProperty("entries").EnumerateArray().Select(e => JsonDocument.Parse(e.GetProperty("canonical").GetString()!).RootElement).ToArray();
        entries.Select(e => e.GetProperty("seq").GetInt64()).ShouldBe(Enumerable.Range(0, entries.Length).Select(i => (long)i));
        entries.Count(e => e.GetProperty("type").GetString() == "deployment.requested").ShouldBe(21);
        entries.Count(e => e.GetProperty("type").GetString() == "deployment.approved" && e.TryGetProperty("environment", out var env) && env.GetString() == "production").ShouldBe(1);
        var checkpoint = JsonDocument.Parse(await second.Client((await (await first.Admin.PostAsJsonAsync("/api/tokens", new TokenCreateBody("audrey2", "auditor"))).Content.ReadFromJsonAsync<TokenCreatedDto>())!.Secret).GetStringAsync("/api/audit/checkpoint"));
        checkpoint.RootElement.GetProperty("treeSize").GetInt64().ShouldBeGreaterThanOrEqualTo(entries.Length);
    }
}
