using System.Net;
using System.Net.Http.Json;
using Shipgate.Gate.Contracts;
using Shipgate.Gate.Tests.Support;

namespace Shipgate.Gate.Tests.Apis;

public sealed class ProtectionRuleTests : IAsyncLifetime
{
    private GateHost gate = null!;
    private HttpClient ci = null!;
    private HttpClient alice = null!;
    private HttpClient bob = null!;
    private HttpClient carol = null!;

    public async Task InitializeAsync()
    {
        gate = await GateHost.StartAsync();
        await gate.ApplyAsync(GateConfigs.Standard);
        ci = await gate.UserAsync("ci", "requester", machine: true);
        alice = await gate.UserAsync("alice", "approver");
        bob = await gate.UserAsync("bob", "approver");
        carol = await gate.UserAsync("carol", "approver");
    }

    public async Task DisposeAsync() => await gate.DisposeAsync();

    private async Task PassStagingAsync(string commit = GateHost.Commit)
    {
        var staging = await ci.RequestAsync("staging", commit);
        staging.Status.ShouldBe("approved");
        await ci.PostAsync($"/api/deployments/{staging.Id}/start", null).OkAsync();
        await ci.PostAsJsonAsync($"/api/deployments/{staging.Id}/finish", new FinishBody("success")).OkAsync();
    }

    [Fact]
    public async Task Should_approve_once_every_group_rule_is_satisfied()
    {
        await PassStagingAsync();
        var request = await ci.RequestAsync("production");
        request.Status.ShouldBe("pending");
        request.Waiting.ShouldBe(["approval: security-team 0/1", "approval: tech-lead 0/1"]);

        var afterBob = await bob.ApproveAsync(request.Id, "looks good").OkAsync();
        afterBob.Status.ShouldBe("pending");
        afterBob.Waiting.ShouldBe(["approval: tech-lead 0/1"]);

        var afterCarol = await carol.ApproveAsync(request.Id).OkAsync();
        afterCarol.Status.ShouldBe("approved");
        afterCarol.Waiting.ShouldBeEmpty();
        gate.Audit.OfType("deployment.approved").Single(e => e.Environment == "production").DeploymentId.ShouldBe(request.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Should_count_a_person_in_two_groups_once()
    {
        await PassStagingAsync();
        var request = await ci.RequestAsync("production");

        var afterAlice = await alice.ApproveAsync(request.Id).OkAsync();

        afterAlice.Status.ShouldBe("pending");
        afterAlice.Rules.Sum(r => r.Filled).ShouldBe(1);
        (await bob.ApproveAsync(request.Id).OkAsync()).Status.ShouldBe("approved");
    }

    [Fact]
    public async Task Should_refuse_self_approval_and_audit_it()
    {
        await PassStagingAsync();
        var requester = await gate.UserAsync("bob-ci", "env-admin");
        var request = await requester.RequestAsync("production", triggeredBy: "bob");

        var problem = await bob.ApproveAsync(request.Id).ProblemAsync(HttpStatusCode.Forbidden);

        problem.Detail.ShouldBe($"'bob' requested deployment {request.Id} and cannot approve it.");
        gate.Audit.OfType("deployment.approval").Single().Outcome.ShouldBe("denied");
        (await ci.GetDeploymentAsync(request.Id)).Approvals.ShouldBeEmpty();
    }

    [Fact]
    public async Task Should_allow_self_approval_only_when_the_environment_turns_the_check_off()
    {
        await gate.ApplyAsync("""
            groups: { security-team: [alice] }
            environments:
              sandbox:
                requires_approval: true
                approvers: [security-team]
                prevent_self_approval: false
            """);
        var aliceRequests = await gate.UserAsync("alice", "env-admin");
        var request = await aliceRequests.RequestAsync("sandbox");

        (await alice.ApproveAsync(request.Id).OkAsync()).Status.ShouldBe("approved");
        gate.Audit.OfType("config.applied")[^1].Details!["self_approval_allowed"].ShouldBe("sandbox");
    }

    [Fact]
    public async Task Should_refuse_approvals_from_machine_identities()
    {
        await PassStagingAsync();
        var robot = await gate.UserAsync("release-bot", "approver", machine: true, "security-team");
        var request = await ci.RequestAsync("production");

        var problem = await robot.ApproveAsync(request.Id).ProblemAsync(HttpStatusCode.Forbidden);

        problem.Detail!.ShouldContain("machine identit");
    }

    [Fact]
    public async Task Should_refuse_approvers_outside_the_rule_groups()
    {
        await PassStagingAsync();
        var dave = await gate.UserAsync("dave", "approver", false, "developers");
        var request = await ci.RequestAsync("production");

        (await dave.ApproveAsync(request.Id).ProblemAsync(HttpStatusCode.Forbidden)).Detail!.ShouldContain("none of the approving groups");
    }

    [Fact]
    public async Task Should_reject_on_one_rejection()
    {
        await PassStagingAsync();
        var request = await ci.RequestAsync("production");
        await bob.ApproveAsync(request.Id).OkAsync();

        var rejected = await carol.PostAsJsonAsync($"/api/deployments/{request.Id}/reject", new DecisionBody("not today")).OkAsync();

        rejected.Status.ShouldBe("rejected");
        (await alice.ApproveAsync(request.Id).ProblemAsync(HttpStatusCode.Conflict)).Detail!.ShouldContain("is rejected");
    }

    [Fact]
    public async Task Should_refuse_refs_outside_the_allowed_patterns()
    {
        var response = await ci.PostAsJsonAsync("/api/deployments", new DeploymentRequestBody("staging", GateHost.Commit, "refs/heads/feature/x"));

        var problem = await Task.FromResult(response).ProblemAsync(HttpStatusCode.Forbidden);
        problem.Detail!.ShouldContain("refs/heads/feature/x");
        gate.Audit.OfType("deployment.requested").Single().Outcome.ShouldBe("denied");
        (await ci.RequestAsync("staging", gitRef: "refs/tags/v1.4.0")).Status.ShouldBe("approved");
    }

    [Fact]
    public async Task Should_require_a_successful_staging_deployment_of_the_same_commit_first()
    {
        var refused = await ci.PostAsJsonAsync("/api/deployments", new DeploymentRequestBody("production", GateHost.Commit, "refs/heads/main"));
        (await Task.FromResult(refused).ProblemAsync(HttpStatusCode.Forbidden)).Detail!.ShouldContain("no successful deployment to 'staging'");

        await PassStagingAsync(GateHost.OtherCommit);
        (await ci.PostAsJsonAsync("/api/deployments", new DeploymentRequestBody("production", GateHost.Commit, "refs/heads/main"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        await PassStagingAsync();
        (await ci.RequestAsync("production")).Status.ShouldBe("pending");
    }

    [Fact]
    public async Task Should_wait_for_required_checks_on_the_exact_commit()
    {
        await gate.ApplyAsync("""
            environments:
              production:
                required_checks: [security-scan]
            """);
        var request = await ci.RequestAsync("production");
        request.Waiting.ShouldBe([$"check: security-scan not reported for {GateHost.Commit[..12]}"]);

        await ci.PostAsJsonAsync("/api/checks", new CheckBody(GateHost.OtherCommit, "security-scan", "success"));
        await ci.PostAsJsonAsync("/api/checks", new CheckBody(GateHost.Commit, "security-scan", "failure", Summary: "2 high"));
        (await ci.GetDeploymentAsync(request.Id)).Waiting.ShouldBe(["check: security-scan is failure"]);

        await ci.PostAsJsonAsync("/api/checks", new CheckBody(GateHost.Commit, "security-scan", "success"));
        (await ci.GetDeploymentAsync(request.Id)).Status.ShouldBe("approved");
    }

    [Fact]
    public async Task Should_hold_one_deployment_per_environment_and_supersede_older_requests()
    {
        await gate.ApplyAsync("""
            groups: { security-team: [bob] }
            environments:
              production:
                requires_approval: true
                approvers: [security-team]
            """);
        var first = await ci.RequestAsync("production");
        var second = await ci.RequestAsync("production", GateHost.OtherCommit);

        // Approving the newer request supersedes the older pending one.
        (await bob.ApproveAsync(second.Id).OkAsync()).Status.ShouldBe("approved");
        var older = await ci.GetDeploymentAsync(first.Id);
        older.Status.ShouldBe("superseded");
        older.SupersededBy.ShouldBe(second.Id);

        await ci.PostAsync($"/api/deployments/{second.Id}/start", null).OkAsync();
        var third = await ci.RequestAsync("production");
        await bob.ApproveAsync(third.Id).OkAsync();

        // The environment is locked while the second deployment runs.
        (await ci.PostAsync($"/api/deployments/{third.Id}/start", null).ProblemAsync(HttpStatusCode.Conflict)).Detail!.ShouldContain($"locked by deployment {second.Id}");
        await ci.PostAsJsonAsync($"/api/deployments/{second.Id}/finish", new FinishBody("failure")).OkAsync();
        (await ci.PostAsync($"/api/deployments/{third.Id}/start", null).OkAsync()).Status.ShouldBe("in_progress");
    }

    [Fact]
    public async Task Should_check_the_previous_stage_health_before_starting()
    {
        await PassStagingAsync();
        var request = await ci.RequestAsync("production");
        await bob.ApproveAsync(request.Id).OkAsync();
        await carol.ApproveAsync(request.Id).OkAsync();
        gate.Health.Healthy = false;

        (await ci.PostAsync($"/api/deployments/{request.Id}/start", null).ProblemAsync(HttpStatusCode.Conflict)).Detail!.ShouldContain("health check of 'staging' failed");
        gate.Health.Probed.ShouldContain(new Uri("https://staging.example.test/healthz"));
        var denied = gate.Audit.OfType("deployment.start").Single().Details!;
        denied["health_check_url"].ShouldBe("https://staging.example.test/healthz");
        denied["health_check_status"].ShouldBe("503");
        denied["health_check_attempts"].ShouldBe("3");
        denied["health_check_outcome"].ShouldBe("unhealthy");

        gate.Health.Healthy = true;
        (await ci.PostAsync($"/api/deployments/{request.Id}/start", null).OkAsync()).Status.ShouldBe("in_progress");
        var started = gate.Audit.OfType("deployment.started")[^1].Details!;
        started["health_check_status"].ShouldBe("200");
        started["health_check_outcome"].ShouldBe("healthy");
    }

    [Fact]
    public async Task Should_refuse_invalid_requests_with_problem_details()
    {
        var bad = ci.PostAsJsonAsync("/api/deployments", new DeploymentRequestBody("staging", "abc", "refs/heads/main"));
        (await bad.ProblemAsync(HttpStatusCode.BadRequest)).Detail!.ShouldContain("full 40- or 64-character");

        var unknown = ci.PostAsJsonAsync("/api/deployments", new DeploymentRequestBody("qa", GateHost.Commit, "refs/heads/main"));
        await unknown.ProblemAsync(HttpStatusCode.NotFound);

        await ci.GetAsync("/api/deployments/999").ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Should_fail_closed_when_the_audit_record_cannot_be_written()
    {
        gate.Audit.Fail = true;

        var response = await ci.PostAsJsonAsync("/api/deployments", new DeploymentRequestBody("staging", GateHost.Commit, "refs/heads/main"));

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        gate.Audit.Fail = false;
        (await ci.GetFromJsonAsync<DeploymentDto[]>("/api/deployments"))!.ShouldBeEmpty();
    }
}
