using System.Net;
using System.Net.Http.Json;
using Shipgate.Gate.Contracts;
using Shipgate.Gate.Tests.Support;

namespace Shipgate.Gate.Tests.Apis;

public sealed class AuthTests : IAsyncLifetime
{
    private GateHost gate = null!;

    public async Task InitializeAsync() => gate = await GateHost.StartAsync();

    public async Task DisposeAsync() => await gate.DisposeAsync();

    [Fact]
    public async Task Should_answer_401_problem_details_and_audit_missing_or_unknown_tokens()
    {
        var problem = await gate.Anonymous().GetAsync("/api/deployments").ProblemAsync(HttpStatusCode.Unauthorized);
        problem.Detail.ShouldBe("A valid bearer token is required (no bearer token).");

        await gate.Client("sgt_" + new string('A', 43)).GetAsync("/api/deployments").ProblemAsync(HttpStatusCode.Unauthorized);

        var failures = gate.Audit.OfType("auth.failed");
        failures.Select(f => f.Details!["reason"]).ShouldBe(["no bearer token", "unknown token"]);
        failures.ShouldAllBe(f => f.Outcome == "denied" && f.Actor == "anonymous");
    }

    [Fact]
    public async Task Should_answer_403_problem_details_when_the_role_is_not_enough()
    {
        var viewer = await gate.UserAsync("vera", "viewer");

        var problem = await viewer.PostAsJsonAsync("/api/deployments", new DeploymentRequestBody("production", GateHost.Commit, "refs/heads/main"))
            .ProblemAsync(HttpStatusCode.Forbidden);

        problem.Detail.ShouldBe("The token's role 'viewer' may not do this.");
        await viewer.PostAsJsonAsync("/api/tokens", new TokenCreateBody("x", "admin")).ProblemAsync(HttpStatusCode.Forbidden);
        (await viewer.GetAsync("/api/deployments")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Should_store_tokens_hashed_and_honour_revocation_and_expiry()
    {
        var created = await (await gate.Admin.PostAsJsonAsync("/api/tokens", new TokenCreateBody("ci", "requester", Machine: true, ExpiresAt: gate.Time.GetUtcNow().AddHours(1))))
            .Content.ReadFromJsonAsync<TokenCreatedDto>();
        var ci = gate.Client(created!.Secret);
        (await ci.GetFromJsonAsync<WhoAmIDto>("/api/me"))!.ShouldBe(new WhoAmIDto("ci", "requester", [], true), new WhoAmIDtoComparer());

        var database = await File.ReadAllBytesAsync(Path.Combine(gate.DataDirectory, "gate.db"));
        System.Text.Encoding.ASCII.GetString(database).ShouldNotContain(created.Secret);

        gate.Time.Advance(TimeSpan.FromHours(1));
        (await ci.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var other = await (await gate.Admin.PostAsJsonAsync("/api/tokens", new TokenCreateBody("ci2", "requester"))).Content.ReadFromJsonAsync<TokenCreatedDto>();
        (await gate.Admin.DeleteAsync($"/api/tokens/{other!.Token.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await gate.Client(other.Secret).GetAsync("/api/me").ProblemAsync(HttpStatusCode.Unauthorized);
        gate.Audit.OfType("token.revoked").Single().Details!["token_id"].ShouldBe(other.Token.Id);
        gate.Audit.OfType("token.created").ShouldAllBe(e => !e.Details!.Values.Any(v => v.StartsWith("sgt_", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Should_serve_the_openapi_document_without_a_token()
    {
        var document = await gate.Anonymous().GetStringAsync("/openapi/v1.json");

        document.ShouldContain("\"/api/deployments/{id}/approve\"");
        document.ShouldContain("ApproveDeployment");
    }

    [Fact]
    public async Task Should_apply_and_export_the_configuration_and_report_mistakes_with_positions()
    {
        await gate.ApplyAsync(GateConfigs.Standard);

        (await gate.Admin.GetFromJsonAsync<ConfigDto>("/api/config"))!.Yaml.ShouldBe(GateConfigs.Standard);
        var problem = await gate.Admin.PutAsJsonAsync("/api/config", new ConfigApplyBody("environments:\n  prod:\n    wait: 3\n", "ops/gate.yml"))
            .ProblemAsync(HttpStatusCode.BadRequest);
        problem.Detail!.ShouldStartWith("gate.yml:3:5: unknown key 'wait'");
        var environments = await gate.Admin.GetFromJsonAsync<EnvironmentDto[]>("/api/environments");
        environments!.Select(e => e.Name).ShouldBe(["production", "staging"]);
    }

    private sealed class WhoAmIDtoComparer : IEqualityComparer<WhoAmIDto>
    {
        public bool Equals(WhoAmIDto? x, WhoAmIDto? y) => x!.Name == y!.Name && x.Role == y.Role && x.Machine == y.Machine && x.Groups.SequenceEqual(y.Groups);

        public int GetHashCode(WhoAmIDto obj) => obj.Name.GetHashCode(StringComparison.Ordinal);
    }
}
