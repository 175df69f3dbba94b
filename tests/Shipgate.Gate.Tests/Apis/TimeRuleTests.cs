using System.Net;
using System.Net.Http.Json;
using Shipgate.Gate.Contracts;
using Shipgate.Gate.Tests.Support;

namespace Shipgate.Gate.Tests.Apis;

public sealed class TimeRuleTests : IAsyncLifetime
{
    private GateHost gate = null!;
    private HttpClient ci = null!;
    private HttpClient bob = null!;

    public async Task InitializeAsync()
    {
        gate = await GateHost.StartAsync();
        ci = await gate.UserAsync("ci", "requester", machine: true);
        bob = await gate.UserAsync("bob", "approver", false, "security-team");
    }

    public async Task DisposeAsync() => await gate.DisposeAsync();

    [Fact]
    public async Task Should_hold_an_approved_request_until_the_wait_timer_elapses()
    {
        await gate.ApplyAsync("""
            environments:
              production:
                requires_approval: true
                approvers: [security-team]
                wait_timer: 30
            """);
        var request = await ci.RequestAsync("production");
        var approved = await bob.ApproveAsync(request.Id).OkAsync();
        approved.Status.ShouldBe("pending");
        approved.Waiting.ShouldBe(["wait timer: until 2026-03-02T10:30:00.0000000Z"]);

        gate.Time.Advance(TimeSpan.FromMinutes(29));
        (await ci.GetDeploymentAsync(request.Id)).Status.ShouldBe("pending");

        gate.Time.Advance(TimeSpan.FromMinutes(1));
        (await ci.GetDeploymentAsync(request.Id)).Status.ShouldBe("approved");
        gate.Audit.OfType("deployment.approved").Single().Actor.ShouldBe("system");
    }

    [Fact]
    public async Task Should_expire_pending_requests_and_unstarted_approvals()
    {
        await gate.ApplyAsync("""
            environments:
              production:
                requires_approval: true
                approvers: [security-team]
                approval_expiry: 2d
            """);
        var pending = await ci.RequestAsync("production");
        gate.Time.Advance(TimeSpan.FromDays(2));

        (await ci.GetDeploymentAsync(pending.Id)).Status.ShouldBe("expired");
        (await bob.ApproveAsync(pending.Id).ProblemAsync(HttpStatusCode.Conflict)).Detail!.ShouldContain("is expired");

        var approved = await ci.RequestAsync("production");
        await bob.ApproveAsync(approved.Id).OkAsync();
        gate.Time.Advance(TimeSpan.FromDays(2) + TimeSpan.FromSeconds(1));
        (await ci.PostAsync($"/api/deployments/{approved.Id}/start", null).ProblemAsync(HttpStatusCode.Conflict)).Detail!.ShouldContain("is expired");
        gate.Audit.OfType("deployment.expired").Count.ShouldBe(2);
    }

    [Fact]
    public async Task Should_freeze_in_local_wall_clock_time_across_the_dst_change_and_allow_an_audited_override()
    {
        // Saturday 22:00 to Sunday 04:00 in Berlin; on 29 March 2026 the clocks jump from 02:00 to 03:00,
        // so the freeze ends at 02:00 UTC (a fixed +01:00 offset would wrongly end it at 03:00 UTC).
        await gate.ApplyAsync("""
            environments:
              production:
                freeze_windows:
                  - name: saturday-night
                    time_zone: Europe/Berlin
                    start: sat 22:00
                    end: sun 04:00
            """);
        var envAdmin = await gate.UserAsync("erin", "env-admin");
        gate.Time.SetUtcNow(new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.Zero));

        var frozen = await ci.RequestAsync("production");
        frozen.Status.ShouldBe("pending");
        frozen.Waiting.ShouldBe(["freeze: saturday-night until 2026-03-29T02:00:00.0000000Z"]);

        gate.Time.SetUtcNow(new DateTimeOffset(2026, 3, 29, 2, 0, 0, TimeSpan.Zero));
        (await ci.GetDeploymentAsync(frozen.Id)).Status.ShouldBe("approved");

        // The next Saturday night: only an env-admin overrides, with a reason, and it is audited.
        gate.Time.SetUtcNow(new DateTimeOffset(2026, 4, 4, 21, 0, 0, TimeSpan.Zero));
        var second = await ci.RequestAsync("production", GateHost.OtherCommit);
        second.Status.ShouldBe("pending");
        await bob.PostAsJsonAsync($"/api/deployments/{second.Id}/override", new OverrideBody("hotfix")).ProblemAsync(HttpStatusCode.Forbidden);
        await envAdmin.PostAsJsonAsync($"/api/deployments/{second.Id}/override", new OverrideBody(" ")).ProblemAsync(HttpStatusCode.BadRequest);

        var overridden = await envAdmin.PostAsJsonAsync($"/api/deployments/{second.Id}/override", new OverrideBody("CVE hotfix, INC-42")).OkAsync();

        overridden.Status.ShouldBe("approved");
        overridden.OverrideBy.ShouldBe("erin");
        var audit = gate.Audit.OfType("deployment.freeze_overridden").Single();
        audit.Details!["reason"].ShouldBe("CVE hotfix, INC-42");
        audit.Details["freeze"].ShouldBe("saturday-night");
        (await ci.PostAsync($"/api/deployments/{second.Id}/start", null).OkAsync()).Status.ShouldBe("in_progress");
    }

    [Fact]
    public async Task Should_refuse_to_start_an_approved_deployment_when_a_freeze_began_after_approval()
    {
        await gate.ApplyAsync("""
            environments:
              production:
                freeze_windows:
                  - { name: change-freeze, from: "2026-03-02T12:00:00Z", to: "2026-03-03T00:00:00Z" }
            """);
        var request = await ci.RequestAsync("production");
        request.Status.ShouldBe("approved");
        gate.Time.Advance(TimeSpan.FromHours(3));

        (await ci.PostAsync($"/api/deployments/{request.Id}/start", null).ProblemAsync(HttpStatusCode.Conflict)).Detail!.ShouldContain("frozen ('change-freeze'");
    }
}
