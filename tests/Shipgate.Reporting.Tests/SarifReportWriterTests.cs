using System.Text.Json;
using Shipgate.Core;
using Shipgate.Reporting.Sarif;

namespace Shipgate.Reporting.Tests;

public sealed class SarifReportWriterTests
{
    private static readonly string[] Levels = ["none", "note", "warning", "error"];

    [Fact]
    public async Task Should_write_a_sarif_2_1_0_log_with_the_rules_that_ran_sorted_by_id()
    {
        // Given
        var result = SampleScanResults.Full();

        // When
        using var log = await WriteAsync(result);
        var run = log.RootElement.GetProperty("runs")[0];
        var driver = run.GetProperty("tool").GetProperty("driver");

        // Then
        log.RootElement.GetProperty("$schema").GetString().ShouldBe("https://json.schemastore.org/sarif-2.1.0.json");
        log.RootElement.GetProperty("version").GetString().ShouldBe("2.1.0");
        driver.GetProperty("name").GetString().ShouldBe("shipgate");
        driver.GetProperty("semanticVersion").GetString().ShouldBe("0.1.0");
        var ids = driver.GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()!).ToList();
        ids.ShouldBe(result.Rules.Select(r => r.Id).Order(StringComparer.Ordinal).ToList());
        run.GetProperty("originalUriBaseIds").GetProperty("%SRCROOT%").GetProperty("uri").GetString()
            .ShouldBe("file:///home/runner/work/payments/payments/");
    }

    [Fact]
    public async Task Should_map_rule_metadata_to_reporting_descriptors_for_github()
    {
        using var log = await WriteAsync(SampleScanResults.Full());
        var rule = Rules(log).Single(r => r.GetProperty("id").GetString() == "SEC001");

        rule.GetProperty("name").GetString().ShouldBe("github-personal-access-token");
        rule.GetProperty("shortDescription").GetProperty("text").GetString().ShouldBe("GitHub personal access token");
        rule.GetProperty("fullDescription").GetProperty("text").GetString().ShouldBe(SampleScanResults.GitHubToken.Description);
        rule.GetProperty("help").GetProperty("text").GetString().ShouldBe(SampleScanResults.GitHubToken.Remediation);
        rule.GetProperty("helpUri").GetString().ShouldBe("https://github.com/shipgate/shipgate/blob/main/docs/rules/SEC001.md");
        rule.GetProperty("defaultConfiguration").GetProperty("level").GetString().ShouldBe("error");
        var properties = rule.GetProperty("properties");
        properties.GetProperty("security-severity").GetString().ShouldBe("8.0");
        properties.GetProperty("precision").GetString().ShouldBe("high");
        properties.GetProperty("problem.severity").GetString().ShouldBe("error");
        properties.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).ShouldBe(["cwe-798", "secrets", "security"]);
    }

    [Theory]
    [InlineData(Severity.Critical, "error", "9.5")]
    [InlineData(Severity.High, "error", "8.0")]
    [InlineData(Severity.Medium, "warning", "5.5")]
    [InlineData(Severity.Low, "note", "3.0")]
    [InlineData(Severity.Info, "note", "1.0")]
    public void Should_map_severity_to_level_and_security_severity(Severity severity, string level, string securitySeverity)
    {
        SarifMapping.Level(severity).ShouldBe(level);
        SarifMapping.SecuritySeverity(severity).ShouldBe(securitySeverity);
    }

    [Fact]
    public async Task Should_write_a_result_per_finding_and_per_suppressed_finding_pointing_at_its_rule()
    {
        // Given
        var result = SampleScanResults.Full();

        // When
        using var log = await WriteAsync(result);
        var rules = Rules(log).Select(r => r.GetProperty("id").GetString()).ToList();
        var results = Results(log);

        // Then
        results.Count.ShouldBe(result.Findings.Count + result.Suppressed.Count);
        foreach (var item in results)
        {
            rules[item.GetProperty("ruleIndex").GetInt32()].ShouldBe(item.GetProperty("ruleId").GetString());
            Levels.ShouldContain(item.GetProperty("level").GetString());
            item.GetProperty("partialFingerprints").GetProperty("shipgate/v1").GetString().ShouldNotBeNullOrEmpty();
        }

        var suppressed = results.Where(r => r.TryGetProperty("suppressions", out _)).ToList();
        suppressed.Count.ShouldBe(2);
        suppressed.Select(r => r.GetProperty("suppressions")[0].GetProperty("kind").GetString()).Order().ShouldBe(["external", "inSource"]);
        suppressed.ShouldContain(r => r.GetProperty("suppressions")[0].GetProperty("justification").GetString() == "In baseline .shipgate-baseline.json");
    }

    [Fact]
    public async Task Should_convert_the_inclusive_end_column_to_sarif_exclusive_and_keep_the_snippet_as_context()
    {
        using var log = await WriteAsync(SampleScanResults.Full());
        var location = Results(log).First(r => r.GetProperty("ruleId").GetString() == "SEC002").GetProperty("locations")[0].GetProperty("physicalLocation");

        location.GetProperty("artifactLocation").GetProperty("uri").GetString().ShouldBe("deploy/my%20app/.env");
        location.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString().ShouldBe("%SRCROOT%");
        location.GetProperty("region").GetProperty("startColumn").GetInt32().ShouldBe(19);
        location.GetProperty("region").GetProperty("endColumn").GetInt32().ShouldBe(39);
        location.GetProperty("contextRegion").GetProperty("snippet").GetProperty("text").GetString().ShouldBe("AWS_ACCESS_KEY_ID=AKIA****************");
    }

    [Fact]
    public async Task Should_leave_out_a_snippet_that_does_not_contain_a_multi_line_region()
    {
        // Given a finding on a whole block (lines 3-6) whose snippet shows only its first line
        var block = SampleScanResults.Make(SampleScanResults.TemplateInjection, Severity.High, new Location(".github/workflows/ci.yml", 3, 1, 6, 19), "Block finding.", "on:");
        var result = SampleScanResults.Empty() with { Findings = [block], Rules = [SampleScanResults.TemplateInjection] };

        // When written
        using var log = await WriteAsync(result);
        var location = Results(log).Single().GetProperty("locations")[0].GetProperty("physicalLocation");

        // Then the region stays and no smaller "context" is claimed (SARIF1008)
        location.GetProperty("region").GetProperty("endLine").GetInt32().ShouldBe(6);
        location.TryGetProperty("contextRegion", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task Should_keep_finding_properties_without_overwriting_its_own()
    {
        using var log = await WriteAsync(SampleScanResults.Full());
        var properties = Results(log).Single(r => r.GetProperty("ruleId").GetString() == "DKR001").GetProperty("properties");

        properties.GetProperty("severity").GetString().ShouldBe("low");
        properties.GetProperty("finding.severity").GetString().ShouldBe("ignored-collision");
        properties.GetProperty("baseImage").GetString().ShouldBe("ubuntu:24.04");
        properties.GetProperty("equivalents").EnumerateArray().Select(e => e.GetString()).ShouldBe(["hadolint:DL3002", "trivy:DS-0002"]);
    }

    [Fact]
    public async Task Should_report_scan_errors_as_notifications_of_a_successful_run()
    {
        using var log = await WriteAsync(SampleScanResults.Full());
        var invocation = log.RootElement.GetProperty("runs")[0].GetProperty("invocations")[0];

        invocation.GetProperty("executionSuccessful").GetBoolean().ShouldBeTrue();
        var notifications = invocation.GetProperty("toolExecutionNotifications").EnumerateArray().ToList();
        notifications.Count.ShouldBe(2);
        notifications.ShouldAllBe(n => n.GetProperty("level").GetString() == "error");
        var region = notifications[0].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
        region.GetProperty("startLine").GetInt32().ShouldBe(4);
        region.GetProperty("startColumn").GetInt32().ShouldBe(7);
    }

    [Theory]
    [InlineData("src/app.yml", "/repo", "src/app.yml", "%SRCROOT%")]
    [InlineData("./src/a b/c#d%.yml", "/repo", "src/a%20b/c%23d%25.yml", "%SRCROOT%")]
    [InlineData("src\\win\\file.yml", "/repo", "src/win/file.yml", "%SRCROOT%")]
    [InlineData("déjà vu.txt", "/repo", "d%C3%A9j%C3%A0%20vu.txt", "%SRCROOT%")]
    [InlineData("/opt/other/x y.yml", "/repo", "file:///opt/other/x%20y.yml", null)]
    [InlineData("C:\\work\\a b.txt", "C:\\repo", "file:///C:/work/a%20b.txt", null)]
    [InlineData("../outside/x.yml", "/home/u/repo", "file:///home/u/outside/x.yml", null)]
    [InlineData("//server/share/x.yml", "/repo", "file://server/share/x.yml", null)]
    public void Should_turn_paths_into_escaped_uris(string path, string baseDirectory, string uri, string? uriBaseId)
    {
        var location = SarifUris.ArtifactLocation(path, baseDirectory);

        location.Uri.ShouldBe(uri);
        location.UriBaseId.ShouldBe(uriBaseId);
    }

    [Theory]
    [InlineData("/home/u/my repo", "file:///home/u/my%20repo/")]
    [InlineData("/home/u/repo/", "file:///home/u/repo/")]
    [InlineData("C:\\src\\repo", "file:///C:/src/repo/")]
    [InlineData("", null)]
    public void Should_give_the_source_root_as_a_directory_uri(string baseDirectory, string? uri) =>
        SarifUris.BaseUri(baseDirectory).ShouldBe(uri);

    [Fact]
    public async Task Should_write_an_empty_scan_with_its_rules_and_no_notifications()
    {
        using var log = await WriteAsync(SampleScanResults.Empty());
        var run = log.RootElement.GetProperty("runs")[0];

        Results(log).ShouldBeEmpty();
        Rules(log).Count.ShouldBe(2);
        run.GetProperty("invocations")[0].TryGetProperty("toolExecutionNotifications", out _).ShouldBeFalse();
    }

    private static async Task<JsonDocument> WriteAsync(ScanResult result) =>
        JsonDocument.Parse(await Render.TextAsync(new SarifReportWriter(), result));

    private static List<JsonElement> Rules(JsonDocument log) =>
        [.. log.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray()];

    private static List<JsonElement> Results(JsonDocument log) =>
        [.. log.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()];
}
