using Shipgate.Core;
using Shipgate.Reporting.Internal;

namespace Shipgate.Reporting.Tests;

public sealed class MarkdownReportWriterTests
{
    [Theory]
    [InlineData("plain words", "plain words")]
    [InlineData("a | b", "a \\| b")]
    [InlineData("<img src=x onerror=alert(1)>", "\\<img src=x onerror=alert(1)\\>")]
    [InlineData("*bold* _em_ ~strike~", "\\*bold\\* \\_em\\_ \\~strike\\~")]
    [InlineData("[text](https://evil.example)", "\\[text\\](https://evil.example)")]
    [InlineData("ping @octocat", "ping \\@octocat")]
    [InlineData("`code`", "\\`code\\`")]
    [InlineData("$x$ math", "\\$x\\$ math")]
    [InlineData("# not a heading", "\\# not a heading")]
    [InlineData("- not a list", "\\- not a list")]
    [InlineData("1. not a list", "1\\. not a list")]
    [InlineData("version 1.2", "version 1.2")]
    [InlineData("a\\b", "a\\\\b")]
    [InlineData("line one\nline two", "line one line two")]
    [InlineData("&amp;", "\\&amp;")]
    public void Should_escape_text(string text, string escaped) =>
        MarkdownText.Escape(text).ShouldBe(escaped);

    [Theory]
    [InlineData("path/to/file", false, "`path/to/file`")]
    [InlineData("a`b", false, "``a`b``")]
    [InlineData("`start", false, "`` `start ``")]
    [InlineData("a|b", true, "`a\\|b`")]
    [InlineData("a|b", false, "`a|b`")]
    public void Should_make_code_spans_that_hold_any_text(string text, bool inTable, string code) =>
        MarkdownText.Code(text, inTable).ShouldBe(code);

    [Fact]
    public void Should_fence_code_with_more_backticks_than_it_contains()
    {
        MarkdownText.Fence("x = 1").ShouldBe("```\nx = 1\n```");
        MarkdownText.Fence("a ``` b").ShouldBe("````\na ``` b\n````");
        MarkdownText.Fence("a ````` b\n").ShouldBe("``````\na ````` b\n``````");
    }

    [Fact]
    public async Task Should_show_a_friendly_section_when_nothing_was_found()
    {
        var markdown = await Render.TextAsync(new MarkdownReportWriter(), SampleScanResults.Empty());

        markdown.ShouldContain("## No findings");
        markdown.ShouldContain("**✅ Passed:**");
        markdown.ShouldNotContain("## Summary");
    }

    [Fact]
    public async Task Should_order_findings_by_severity_within_a_category()
    {
        var markdown = await Render.TextAsync(new MarkdownReportWriter(), SampleScanResults.Full());

        markdown.IndexOf("CRITICAL · SEC002", StringComparison.Ordinal)
            .ShouldBeLessThan(markdown.IndexOf("HIGH · SEC001", StringComparison.Ordinal));
        markdown.IndexOf("## Secrets", StringComparison.Ordinal)
            .ShouldBeLessThan(markdown.IndexOf("## Workflows", StringComparison.Ordinal));
        markdown.ShouldContain("**❌ Failed:** 4 findings at or above **high**");
    }

    [Fact]
    public async Task Should_never_let_a_path_break_a_table_or_a_code_span()
    {
        var finding = SampleScanResults.Make(
            SampleScanResults.RunAsRoot, Severity.Low, new Location("odd`|name.yml", 1, 1, 1, 1), "Message.", null);
        var result = new ScanResult { Tool = new ToolInfo("shipgate", "0.1.0"), Findings = [finding], Targets = ["a|b"] };

        var markdown = await Render.TextAsync(new MarkdownReportWriter(), result);

        markdown.ShouldContain("| Targets | `a\\|b` |");
        markdown.ShouldContain("**Location:** ``odd`|name.yml:1:1``");
    }
}
