using System.Net.Http.Json;
using Shipgate.Gate.Contracts;
using Shipgate.Gate.Tests.Support;

namespace Shipgate.Gate.Tests.Apis;

public sealed class DurabilityTests : IAsyncLifetime
{
    private GateHost gate = null!;

    public async Task InitializeAsync() => gate = await GateHost.StartAsync();

    public async Task DisposeAsync() => await gate.DisposeAsync();

    [Fact]
    public async Task Should_keep_pending_requests_and_tokens_across_a_restart()
    {
        await gate.ApplyAsync(GateConfigs.Standard.Replace("    promotion_from: staging", "", StringComparison.Ordinal));
        var ci = await gate.UserAsync("ci", "requester", machine: true);
        var request = await ci.RequestAsync("production");
        var bootstrap = gate.BootstrapToken;
        await gate.Client(await SecretAsync("bob")).ApproveAsync(request.Id).OkAsync();

        await gate.RestartAsync();

        gate.BootstrapToken.ShouldBe(bootstrap, "the bootstrap token is created only on first start");
        var after = await gate.Admin.GetDeploymentAsync(request.Id);
        after.Status.ShouldBe("pending");
        after.Approvals.Select(a => a.Approver).ShouldBe(["bob"]);
        (await gate.Client(await SecretAsync("carol")).ApproveAsync(request.Id).OkAsync()).Status.ShouldBe("approved");
    }

    [Fact]
    public async Task Should_record_each_of_many_concurrent_approvals_once_and_approve_once()
    {
        await gate.ApplyAsync("""
            environments:
              production:
                requires_approval: true
                approval_rules:
                  - { group: security-team, count: 6 }
            """);
        var ci = await gate.UserAsync("ci", "requester", machine: true);
        var approvers = new List<HttpClient>();
        for (var i = 0; i < 8; i++)
        {
            approvers.Add(await gate.UserAsync($"approver{i}", "approver", false, "security-team"));
        }

        var request = await ci.RequestAsync("production");

        var responses = await Task.WhenAll(approvers.Select(a => a.ApproveAsync(request.Id)));

        // Six approvals satisfy the rule; the remaining two arrive after approval and are refused as conflicts.
        responses.Count(r => r.IsSuccessStatusCode).ShouldBe(6);
        responses.Count(r => r.StatusCode == System.Net.HttpStatusCode.Conflict).ShouldBe(2);
        var final = await ci.GetDeploymentAsync(request.Id);
        final.Status.ShouldBe("approved");
        final.Approvals.Select(a => a.Approver).Distinct().Count().ShouldBe(6);
        gate.Audit.OfType("deployment.approved").Count.ShouldBe(1);
        gate.Audit.OfType("deployment.approval").Count(e => e.Outcome == "success").ShouldBe(6);
    }

    private async Task<string> SecretAsync(string name)
    {
        var response = await gate.Admin.PostAsJsonAsync("/api/tokens", new TokenCreateBody(name, "approver"));
        return (await response.Content.ReadFromJsonAsync<TokenCreatedDto>())!.Secret;
    }
}
