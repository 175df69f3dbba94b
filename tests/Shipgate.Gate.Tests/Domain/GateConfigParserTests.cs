using Shipgate.Gate.Config;

namespace Shipgate.Gate.Tests.Domain;

public class GateConfigParserTests
{
    [Fact]
    public void Should_read_the_familiar_shape_as_one_approval_per_group()
    {
        var config = GateConfigParser.Parse("""
            environments:
              production:
                requires_approval: true
                approvers: [security-team, tech-lead]
            """, "gate.yml");

        var production = config.Environments["production"];
        production.ApprovalRules.Select(r => (r.Group, r.Count)).ShouldBe([("security-team", 1), ("tech-lead", 1)]);
        production.PreventSelfApproval.ShouldBeTrue();
        production.ApprovalExpiry.ShouldBe(TimeSpan.FromDays(30));
    }

    [Fact]
    public void Should_read_a_health_check_with_retries_interval_timeout_and_expected_status()
    {
        var config = GateConfigParser.Parse("""
            environments:
              staging:
                health_check:
                  url: https://staging.example.test/healthz
                  retries: 4
                  interval: 30s
                  timeout: 5s
                  expected_status: [200, 204]
              qa:
                health_check_url: http://qa.example.test/ready
            """, "gate.yml");

        var check = config.Environments["staging"].HealthCheck!;
        check.Url.ShouldBe(new Uri("https://staging.example.test/healthz"));
        (check.Retries, check.Interval, check.Timeout).ShouldBe((4, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(5)));
        check.ExpectedStatus.ShouldBe([200, 204]);
        check.IsHealthy(204).ShouldBeTrue();
        check.IsHealthy(201).ShouldBeFalse();
        var shorthand = config.Environments["qa"].HealthCheck!;
        (shorthand.Retries, shorthand.Interval, shorthand.Timeout, shorthand.Expected).ShouldBe((2, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10), "2xx"));
    }

    [Theory]
    [InlineData("health_check: { url: https://s.test/h, retries: 11 }", "gate.yml:3:53: retries must be a whole number from 0 to 10")]
    [InlineData("health_check: { url: https://s.test/h, timeout: 10m }", "gate.yml:3:53: timeout must be between 1s and 120s")]
    [InlineData("health_check: { url: ftp://s.test/h }", "gate.yml:3:26: health_check url 'ftp://s.test/h' is not an http(s) URL")]
    [InlineData("health_check: { retries: 1 }", "gate.yml:3:19: health_check needs a 'url'")]
    [InlineData("health_check: { url: https://s.test/h, retries: 10, interval: 1m }", "gate.yml:3:19: health_check can take 710s ((retries + 1) × timeout + retries × interval); keep it within 600s")]
    [InlineData("health_check: { url: https://s.test/h, expected_status: 99 }", "gate.yml:3:61: expected_status must be a whole number from 100 to 599")]
    public void Should_refuse_a_bad_health_check_with_its_position(string line, string error)
    {
        var ex = Should.Throw<GateConfigException>(() => GateConfigParser.Parse($"environments:\n  staging:\n    {line}\n", "gate.yml"));
        ex.Message.ShouldStartWith(error);
    }

    [Fact]
    public void Should_read_every_extension()
    {
        var config = GateConfigParser.Parse("""
            groups:
              security-team: [alice, bob]
            environments:
              staging:
                health_check_url: https://staging.example.test/healthz
              production:
                approval_rules:
                  - group: security-team
                    count: 2
                requires_approval: true
                prevent_self_approval: false
                allowed_refs: [main, refs/tags/v*]
                promotion_from: staging
                required_checks: [security-scan]
                wait_timer: 30
                approval_expiry: 7d
                freeze_windows:
                  - name: weekend
                    time_zone: Europe/Berlin
                    start: fri 18:00
                    end: mon 08:00
                  - name: year-end
                    from: 2026-12-20T00:00
                    to: 2027-01-04T00:00
                    time_zone: Europe/Berlin
            """, "gate.yml");

        var production = config.Environments["production"];
        production.ApprovalRules.Single().Count.ShouldBe(2);
        production.PreventSelfApproval.ShouldBeFalse();
        production.AllowsRef("refs/tags/v2").ShouldBeTrue();
        production.AllowsRef("refs/heads/dev").ShouldBeFalse();
        production.PromotionFrom.ShouldBe("staging");
        production.RequiredChecks.ShouldBe(["security-scan"]);
        production.WaitTimer.ShouldBe(TimeSpan.FromMinutes(30));
        production.ApprovalExpiry.ShouldBe(TimeSpan.FromDays(7));
        production.FreezeWindows.Count.ShouldBe(2);
        ((Gate.Domain.OneOffFreeze)production.FreezeWindows[1]).From.Offset.ShouldBe(TimeSpan.FromHours(1));
        config.GroupsOf("bob").ShouldBe(["security-team"]);
    }

    [Theory]
    [InlineData("environments:\n  production:\n    approverz: [a]\n", "gate.yml:3:5: unknown key 'approverz'")]
    [InlineData("environments:\n  production:\n    wait_timer: 50000\n", "gate.yml:3:17: wait_timer (minutes) must be a whole number from 0 to 43200")]
    [InlineData("environments:\n  production:\n    freeze_windows:\n      - time_zone: Mars/Olympus\n        start: '18:00'\n        end: '08:00'\n", "gate.yml:4:20: unknown time zone 'Mars/Olympus'")]
    [InlineData("environments:\n  production:\n    requires_approval: true\n", "gate.yml:3:5: environment 'production' requires approval but lists no")]
    [InlineData("environments:\n  production:\n    promotion_from: staging\n", "gate.yml: environment 'production' promotes from unknown environment 'staging'")]
    [InlineData("environments: [\n", "gate.yml:2:1: invalid YAML")]
    public void Should_name_file_line_and_column_of_a_mistake(string yaml, string expected)
    {
        var error = Should.Throw<GateConfigException>(() => GateConfigParser.Parse(yaml, "gate.yml"));

        error.Message.ShouldStartWith(expected);
    }
}
