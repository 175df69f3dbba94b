using System.Text.Json;
using Shipgate.Core;

namespace Shipgate.Reporting.Tests;

public sealed class JsonReportWriterTests
{
    private static readonly JsonElement Schema =
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Schemas", "report-v1.schema.json"))).RootElement;

    public static TheoryData<string> Samples() => ["full", "empty", "bare"];

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Should_conform_to_the_v1_schema(string sample)
    {
        // Given
        var result = sample switch
        {
            "full" => SampleScanResults.Full(),
            "empty" => SampleScanResults.Empty(),
            _ => new ScanResult { Tool = new ToolInfo("shipgate", "0.0.0"), Findings = [] },
        };

        // When
        using var report = JsonDocument.Parse(await Render.TextAsync(new JsonReportWriter(), result));

        // Then
        JsonSchemaCheck.Validate(Schema, report.RootElement).ShouldBeEmpty();
    }

    [Fact]
    public void Schema_checker_should_catch_missing_wrong_and_unknown_properties()
    {
        // Given a report with a missing key, a wrongly typed value and an extra key
        using var broken = JsonDocument.Parse("""
            {"schemaVersion": 1, "tool": {"name": "shipgate", "version": 1, "commit": null, "extra": true},
             "findings": [], "suppressed": [], "errors": [], "skipped": []}
            """);

        // When
        var errors = JsonSchemaCheck.Validate(Schema, broken.RootElement);

        // Then
        errors.ShouldContain(e => e.Contains("'scan' is missing", StringComparison.Ordinal));
        errors.ShouldContain(e => e.Contains("$.tool.version: expected type", StringComparison.Ordinal));
        errors.ShouldContain(e => e.Contains("$.tool.extra: property is not in the schema", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_write_schema_version_1_with_camel_case_lower_case_enums_and_omitted_empties()
    {
        // Given
        var result = SampleScanResults.Full();

        // When
        using var report = JsonDocument.Parse(await Render.TextAsync(new JsonReportWriter(), result));
        var root = report.RootElement;

        // Then
        root.GetProperty("schemaVersion").GetInt32().ShouldBe(JsonReportWriter.V1);
        root.GetProperty("scan").GetProperty("startedAt").GetString().ShouldBe("2025-03-14T09:26:53Z");
        root.GetProperty("scan").GetProperty("failOn").GetString().ShouldBe("high");
        var findings = root.GetProperty("findings").EnumerateArray().ToList();
        findings.Select(f => f.GetProperty("severity").GetString()!).ShouldBeSubsetOf(["critical", "high", "medium", "low", "info"]);
        var dependency = findings.Single(f => f.GetProperty("ruleId").GetString() == "DEP001");
        dependency.TryGetProperty("snippet", out _).ShouldBeFalse();
        dependency.TryGetProperty("fix", out _).ShouldBeFalse();
        dependency.GetProperty("properties").GetProperty("package").GetString().ShouldBe("lodash");
        findings.Single(f => f.GetProperty("ruleId").GetString() == "SEC001").TryGetProperty("properties", out _).ShouldBeFalse();
        var fix = findings.Single(f => f.GetProperty("ruleId").GetString() == "DKR001").GetProperty("fix");
        fix.GetProperty("edits")[0].GetProperty("newText").GetString().ShouldBe("USER app\n");
    }

    [Fact]
    public async Task Should_never_write_credentials_from_the_remote_url()
    {
        // Given a remote URL with a token in its user information
        var result = SampleScanResults.Full();

        // When
        var json = await Render.TextAsync(new JsonReportWriter(), result);

        // Then
        json.ShouldNotContain("not-a-real-token");
        json.ShouldContain("\"remoteUrl\": \"https://github.com/acme/payments.git\"");
    }

    [Fact]
    public async Task Should_sort_findings_whatever_the_input_order()
    {
        // Given the same findings in reverse order
        var result = SampleScanResults.Full();
        var reversed = result with { Findings = [.. result.Findings.Reverse()], Errors = [.. result.Errors.Reverse()] };

        // When
        var expected = await Render.TextAsync(new JsonReportWriter(), result);
        var actual = await Render.TextAsync(new JsonReportWriter(), reversed);

        // Then
        actual.ShouldBe(expected);
    }

    [Fact]
    public async Task Should_use_lf_line_endings_and_no_byte_order_mark()
    {
        var bytes = await Render.BytesAsync(new JsonReportWriter(), SampleScanResults.Full());

        bytes.Take(3).ShouldNotBe(new byte[] { 0xEF, 0xBB, 0xBF });
        bytes.ShouldNotContain((byte)'\r');
        bytes[^1].ShouldBe((byte)'\n');
    }
}
