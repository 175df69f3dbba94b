using Shipgate.Core;
using Shipgate.Reporting.Internal;

namespace Shipgate.Reporting.Tests;

public sealed class GithubReportWriterTests
{
    [Theory]
    [InlineData("plain text", "plain text", "plain text")]
    [InlineData("100%", "100%25", "100%25")]
    [InlineData("a\nb", "a%0Ab", "a%0Ab")]
    [InlineData("a\r\nb", "a%0Ab", "a%0Ab")]
    [InlineData("a\rb", "a%0Ab", "a%0Ab")]
    [InlineData("key: value", "key: value", "key%3A value")]
    [InlineData("a,b", "a,b", "a%2Cb")]
    [InlineData("::error::x", "::error::x", "%3A%3Aerror%3A%3Ax")]
    [InlineData("%0A", "%250A", "%250A")]
    [InlineData("esc\u001B[2J", "esc\\x1B[2J", "esc\\x1B[2J")]
    public void Should_escape_data_and_properties_like_the_runner_expects(string value, string data, string property)
    {
        WorkflowCommandText.EscapeData(value).ShouldBe(data);
        WorkflowCommandText.EscapeProperty(value).ShouldBe(property);
    }

    [Fact]
    public async Task Should_write_one_command_per_finding_and_error_and_a_closing_notice()
    {
        // Given
        var result = SampleScanResults.Full();

        // When
        var lines = (await Render.TextAsync(new GithubReportWriter(), result)).TrimEnd('\n').Split('\n');

        // Then: a multi-line message cannot start a second command
        lines.Length.ShouldBe(result.Findings.Count + result.Errors.Count + 1);
        lines.ShouldAllBe(l => l.StartsWith("::", StringComparison.Ordinal));
        lines.Count(l => l.StartsWith("::error file=", StringComparison.Ordinal)).ShouldBe(4 + result.Errors.Count);
        lines.Count(l => l.StartsWith("::warning file=", StringComparison.Ordinal)).ShouldBe(1);
        lines.Count(l => l.StartsWith("::notice file=", StringComparison.Ordinal)).ShouldBe(2);
        lines[^1].ShouldStartWith("::notice title=Shipgate::7 findings");
    }

    [Fact]
    public async Task Should_escape_the_file_property()
    {
        var finding = SampleScanResults.Make(
            SampleScanResults.RunAsRoot, Severity.Medium, new Location("dir,x/a:b.yml", 2, 3, 2, 4), "Message.", null);
        var result = new ScanResult { Tool = new ToolInfo("shipgate", "0.1.0"), Findings = [finding] };

        var text = await Render.TextAsync(new GithubReportWriter(), result);

        text.ShouldStartWith("::warning file=dir%2Cx/a%3Ab.yml,line=2,col=3,endLine=2,endColumn=4,title=DKR001 run-as-root::Message.\n");
    }
}
