using Shipgate.Core;

namespace Shipgate.Reporting.Tests;

public sealed class ConsoleReportWriterTests
{
    [Fact]
    public async Task Should_write_no_escape_codes_without_color_and_some_with_it()
    {
        var plain = await Render.TextAsync(new ConsoleReportWriter(new ReportWriterOptions { Color = false }), SampleScanResults.Full());
        var colored = await Render.TextAsync(new ConsoleReportWriter(new ReportWriterOptions { Color = true }), SampleScanResults.Full());

        plain.ShouldNotContain('\u001B');
        colored.ShouldContain("\u001B[");
    }

    [Theory]
    [InlineData(60)]
    [InlineData(80)]
    [InlineData(120)]
    public async Task Should_fit_snippets_and_messages_in_the_configured_width(int width)
    {
        var text = await Render.TextAsync(new ConsoleReportWriter(new ReportWriterOptions { Width = width }), SampleScanResults.Full());

        foreach (var line in text.Split('\n'))
        {
            line.Length.ShouldBeLessThanOrEqualTo(width, line);
        }
    }

    [Fact]
    public async Task Should_not_interpret_markup_or_emoji_codes_in_scanned_text()
    {
        var finding = SampleScanResults.Make(
            SampleScanResults.RunAsRoot, Severity.Low, new Location("[red]x[/].yml", 1, 1, 1, 3), "Look :warning: [bold]here[/].", "[x]");
        var result = new ScanResult { Tool = new ToolInfo("shipgate", "0.1.0"), Findings = [finding] };

        var text = await Render.TextAsync(new ConsoleReportWriter(new ReportWriterOptions()), result);

        text.ShouldContain("Look :warning: [bold]here[/].");
        text.ShouldContain("[red]x[/].yml:1:1");
    }

    [Fact]
    public async Task Should_show_the_verdict_against_the_threshold()
    {
        var failing = await Render.TextAsync(new ConsoleReportWriter(new ReportWriterOptions()), SampleScanResults.Full());
        var passing = await Render.TextAsync(new ConsoleReportWriter(new ReportWriterOptions()), SampleScanResults.Empty());

        failing.TrimEnd().ShouldEndWith("✖ 4 findings at or above high (fail-on)");
        passing.TrimEnd().ShouldEndWith("✔ No findings at or above medium (fail-on)");
    }

    [Theory]
    [InlineData("abcdef", 1, 2, 1, 4, 1, 4)]
    [InlineData("abc", 1, 2, 1, 9, 1, 3)]
    [InlineData("abc", 1, 9, 1, 12, 2, 3)]
    [InlineData("  abc", 2, 1, 3, 2, 2, 5)]
    public void Should_mark_the_columns_of_the_location(string line, int number, int startColumn, int endLine, int endColumn, int start, int end)
    {
        var location = new Location("f", 1, startColumn, endLine, endColumn);

        ConsoleReportWriter.Span(line, number, location).ShouldBe((start, end));
    }

    [Fact]
    public void Should_not_mark_lines_outside_the_location() =>
        ConsoleReportWriter.Span("abc", 5, new Location("f", 1, 1, 2, 1)).ShouldBeNull();
}
