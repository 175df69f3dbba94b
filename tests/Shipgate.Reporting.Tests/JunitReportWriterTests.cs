using System.Text;
using System.Xml.Linq;
using Shipgate.Core;

namespace Shipgate.Reporting.Tests;

public sealed class JunitReportWriterTests
{
    [Fact]
    public async Task Should_have_counts_that_match_the_test_cases()
    {
        // Given
        var result = SampleScanResults.Full();

        // When
        var document = await WriteAsync(result);
        var root = document.Root!;
        var cases = root.Descendants("testcase").ToList();

        // Then
        root.Name.LocalName.ShouldBe("testsuites");
        root.Attribute("name")!.Value.ShouldBe("shipgate");
        Count(root, "tests").ShouldBe(cases.Count);
        Count(root, "failures").ShouldBe(cases.Count(c => c.Elements("failure").Any()));
        Count(root, "errors").ShouldBe(cases.Count(c => c.Elements("error").Any()));
        foreach (var suite in root.Elements("testsuite"))
        {
            Count(suite, "tests").ShouldBe(suite.Elements("testcase").Count());
            Count(suite, "failures").ShouldBe(suite.Elements("testcase").Count(c => c.Elements("failure").Any()));
            Count(suite, "errors").ShouldBe(suite.Elements("testcase").Count(c => c.Elements("error").Any()));
        }

        root.Descendants("failure").Count().ShouldBe(result.Findings.Count);
        root.Descendants("error").Count().ShouldBe(result.Errors.Count);
    }

    [Fact]
    public async Task Should_have_a_suite_per_category_that_ran_and_a_case_per_rule_and_file()
    {
        var root = (await WriteAsync(SampleScanResults.Full())).Root!;

        root.Elements("testsuite").Select(s => s.Attribute("name")!.Value).ShouldBe(["secrets", "workflows", "deps", "docker", "scan-errors"]);
        var workflowCases = root.Elements("testsuite").Single(s => s.Attribute("name")!.Value == "workflows").Elements("testcase").ToList();
        workflowCases.Select(c => c.Attribute("name")!.Value).ShouldBe(
        [
            "GHA001 template-injection: .github/workflows/ci.yml",
            "GHA004 secrets-inherit: .github/workflows/release.yml",
        ]);
        workflowCases[0].Elements("failure").Count().ShouldBe(2);
        workflowCases[0].Elements("failure").First().Attribute("type")!.Value.ShouldBe("high");
    }

    [Fact]
    public async Task Should_list_rules_without_findings_as_passing_cases()
    {
        var root = (await WriteAsync(SampleScanResults.Full())).Root!;

        var passing = root.Descendants("testcase").Single(c => c.Attribute("name")!.Value == "SEC003 slack-webhook-url");
        passing.HasElements.ShouldBeFalse();
        passing.Attribute("classname")!.Value.ShouldBe("secrets");
    }

    [Fact]
    public async Task Should_stay_valid_xml_when_messages_hold_characters_xml_cannot()
    {
        // Given a message and a path with NUL, other control characters and a lone surrogate
        var finding = SampleScanResults.Make(
            SampleScanResults.GitHubToken,
            Severity.High,
            new Location("bad\u0001name.env", 1, 1, 1, 5),
            "Token \u0000found\u0008 here \uD800 and <there> & \"quoted\".",
            "x\u001By");
        var result = new ScanResult { Tool = new ToolInfo("shipgate", "0.1.0"), Findings = [finding], Rules = [finding.Rule] };

        // When
        var document = await WriteAsync(result);

        // Then
        var failure = document.Descendants("failure").Single();
        failure.Attribute("message")!.Value.ShouldBe("Token \\x00found\\x08 here  and <there> & \"quoted\".");
        failure.Value.ShouldContain("x\\x1By");
        document.Descendants("testcase").Single().Attribute("name")!.Value.ShouldBe("SEC001 github-personal-access-token: bad\\x01name.env"); // shipgate:ignore[SEC178] escaped test case name
    }

    [Fact]
    public async Task Should_write_utf8_without_byte_order_mark()
    {
        var bytes = await Render.BytesAsync(new JunitReportWriter(), SampleScanResults.Full());

        Encoding.UTF8.GetString(bytes).ShouldStartWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        bytes.ShouldNotContain((byte)'\r');
    }

    private static async Task<XDocument> WriteAsync(ScanResult result)
    {
        var bytes = await Render.BytesAsync(new JunitReportWriter(), result);
        using var stream = new MemoryStream(bytes);
        return XDocument.Load(stream);
    }

    private static int Count(XElement element, string attribute) => int.Parse(element.Attribute(attribute)!.Value, System.Globalization.CultureInfo.InvariantCulture);
}
