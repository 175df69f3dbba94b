using System.Net;
using System.Net.Http.Json;
using Shipgate.Gate.Audit;
using Shipgate.Gate.Contracts;
using Shipgate.Gate.Tests.Audit;
using Shipgate.Gate.Tests.Support;

namespace Shipgate.Gate.Tests.Apis;

/// <summary>
/// Tokens limited to some environments (<c>shipgate token create --env staging</c>): they cannot request, approve or
/// see deployments to other environments, read the audit log, apply gate.yml or hand out wider tokens; every refusal is
/// a 403 ProblemDetails and an audit record. Runs on SQLite and on PostgreSQL, with the real Merkle audit log.
/// </summary>
public sealed class EnvironmentScopeTests
{
    [Fact]
    public Task Should_confine_a_token_to_its_environments_on_sqlite() => ScenarioAsync(postgres: false);

    [PostgresFact]
    public Task Should_confine_a_token_to_its_environments_on_postgres() => ScenarioAsync(postgres: true);

    private static async Task ScenarioAsync(bool postgres)
    {
        await using var gate = await GateHost.StartAsync(postgres, realAudit: true);
        await gate.ApplyAsync(GateConfigs.Standard);
        var ci = await gate.UserAsync("ci", "requester", machine: true);
        var staged = await ci.RequestAsync("staging");
        await ci.PostAsync($"/api/deployments/{staged.Id}/start", null).OkAsync();
        await ci.PostAsJsonAsync($"/api/deployments/{staged.Id}/finish", new FinishBody("success")).OkAsync();
        var production = await ci.RequestAsync("production");

        var (stagingCi, stagingCiId) = await TokenAsync(gate.Admin, gate, new TokenCreateBody("ci-staging", "requester", Machine: true, Environments: ["staging"]));
        var me = (await stagingCi.GetFromJsonAsync<WhoAmIDto>("/api/me"))!;
        me.Environments.ShouldBe(["staging"]);
        (await stagingCi.RequestAsync("staging")).Environment.ShouldBe("staging");

        var refused = await stagingCi.PostAsJsonAsync("/api/deployments", new DeploymentRequestBody("production", GateHost.Commit, "refs/heads/main"))
            .ProblemAsync(HttpStatusCode.Forbidden);
        refused.Detail.ShouldBe($"Token {stagingCiId} ('ci-staging') is limited to the environments staging; 'production' is not one of them.");
        await stagingCi.GetAsync($"/api/deployments/{production.Id}").ProblemAsync(HttpStatusCode.Forbidden);
        await stagingCi.GetAsync($"/api/deployments/{production.Id}/wait?timeout=0").ProblemAsync(HttpStatusCode.Forbidden);
        await stagingCi.GetAsync("/api/deployments?environment=production").ProblemAsync(HttpStatusCode.Forbidden);
        await stagingCi.PostAsync($"/api/deployments/{production.Id}/cancel", null).ProblemAsync(HttpStatusCode.Forbidden);
        var visible = (await stagingCi.GetFromJsonAsync<DeploymentDto[]>("/api/deployments"))!;
        visible.Select(d => d.Environment).Distinct().ShouldBe(["staging"]);
        visible.Length.ShouldBe(2);
        (await stagingCi.GetFromJsonAsync<EnvironmentDto[]>("/api/environments"))!.Select(e => e.Name).ShouldBe(["staging"]);

        // alice is in both approving groups, but this token of hers only covers staging.
        var (aliceStaging, _) = await TokenAsync(gate.Admin, gate, new TokenCreateBody("alice", "approver", Environments: ["Staging"]));
        await aliceStaging.ApproveAsync(production.Id).ProblemAsync(HttpStatusCode.Forbidden);
        (await gate.Admin.GetDeploymentAsync(production.Id)).Approvals.ShouldBeEmpty();

        var (stagingAdmin, _) = await TokenAsync(gate.Admin, gate, new TokenCreateBody("ops", "admin", Environments: ["staging"]));
        await stagingAdmin.PostAsJsonAsync("/api/tokens", new TokenCreateBody("wide", "admin")).ProblemAsync(HttpStatusCode.Forbidden);
        await stagingAdmin.PostAsJsonAsync("/api/tokens", new TokenCreateBody("prod", "requester", Environments: ["production"])).ProblemAsync(HttpStatusCode.Forbidden);
        await TokenAsync(stagingAdmin, gate, new TokenCreateBody("narrow", "requester", Environments: ["staging"]));
        await stagingAdmin.PutAsJsonAsync("/api/config", new ConfigApplyBody(GateConfigs.Standard)).ProblemAsync(HttpStatusCode.Forbidden);
        (await stagingAdmin.GetAsync("/api/audit/checkpoint").ProblemAsync(HttpStatusCode.Forbidden)).Detail!.ShouldContain("the audit log covers every environment");

        // Every refusal is in the audit log, which still verifies.
        using var export = new MemoryStream(await gate.Admin.GetByteArrayAsync("/api/audit/export"));
        using var key = CheckpointVerifier.FromPublicKeyPem(await gate.Admin.GetStringAsync("/api/audit/public-key"));
        (await AuditVerifier.VerifyAsync(export, key)).Verified.ShouldBeTrue();
        var page = (await gate.Admin.GetFromJsonAsync<AuditEntriesPage>("/api/audit/entries?limit=1000"))!;
        var denied = page.Entries.Select(e => AuditEntry.Parse(e.Canonical).Event).Where(e => e.Outcome == "denied").ToList();
        denied.Select(e => e.Type).ShouldBe(
        [
            "deployment.requested", "deployment.read", "deployment.read", "deployment.read", "deployment.cancel", "deployment.approval",
            "token.created", "token.created", "config.applied", "audit.read",
        ]);
        denied.Take(6).ShouldAllBe(e => e.Environment == "production" && e.Details!["reason"].Contains("is limited to the environments", StringComparison.Ordinal));
        page.Entries.Select(e => AuditEntry.Parse(e.Canonical).Event).Where(e => e.Type == "token.created" && e.Outcome == "success")
            .Select(e => e.Details!["environments"]).ShouldBe(["all", "all", "staging", "Staging", "staging", "staging"]);
    }

    private static async Task<(HttpClient Client, string Id)> TokenAsync(HttpClient admin, GateHost gate, TokenCreateBody body)
    {
        var response = await admin.PostAsJsonAsync("/api/tokens", body);
        response.EnsureSuccessStatusCode();
        var created = (await response.Content.ReadFromJsonAsync<TokenCreatedDto>())!;
        created.Token.Environments.ShouldBe(body.Environments ?? []);
        return (gate.Client(created.Secret), created.Token.Id);
    }
}
