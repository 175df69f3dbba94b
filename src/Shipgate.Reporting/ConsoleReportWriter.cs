using System.Globalization;
using Shipgate.Core;
using Shipgate.Reporting.Internal;
using Spectre.Console;

namespace Shipgate.Reporting;

/// <summary>
/// Writes the terminal report with Spectre.Console: findings grouped by file, each with a coloured severity,
/// the rule, the message and the (already redacted) source lines with the span marked by carets; then a
/// category × severity table, suppressions, errors, skipped files and a verdict against the fail-on threshold.
/// Output width is fixed by <see cref="ReportWriterOptions.Width"/> and the console is never asked about the
/// terminal or environment, so the same result always gives the same bytes. Scanned text is written as plain
/// <see cref="Paragraph"/> segments, never parsed as markup (no <c>[tags]</c>, no <c>:emoji:</c> codes).
/// Stateless and thread-safe.
/// </summary>
public sealed partial class ConsoleReportWriter : IReportWriter
{
    private const int BadgeWidth = 9;
    private static readonly Style Plain = Style.Plain;
    private static readonly Style Dim = new(Color.Grey);
    private static readonly Style Bold = new(decoration: Decoration.Bold);

    private readonly ReportWriterOptions options;

    public ConsoleReportWriter(ReportWriterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;
    }

    public ReportFormat Format => ReportFormat.Console;

    private int Width => Math.Max(40, options.Width);

    public async ValueTask WriteAsync(ScanResult result, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        await ReportText.WriteAsync(output, Render(result), cancellationToken).ConfigureAwait(false);
    }

    internal string Render(ScanResult result)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        var console = CreateConsole(writer);

        var findings = ReportOrder.Findings(result.Findings);
        foreach (var file in findings.GroupBy(f => f.Location.Path, StringComparer.Ordinal))
        {
            var title = TerminalCells.Truncate(DisplayText.SingleLine(file.Key), Width - 6);
            Line(console, ("── " + title + " " + new string('─', Math.Max(2, Width - 4 - TerminalCells.Width(title))), Bold));
            console.WriteLine();
            foreach (var finding in file)
            {
                WriteFinding(console, finding);
                console.WriteLine();
            }
        }

        WriteSummary(console, result, findings);
        return writer.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    private IAnsiConsole CreateConsole(TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = options.Color ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = options.Color ? ColorSystemSupport.Standard : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            // Never look at the environment (CI detection, NO_COLOR, TERM): the options alone decide.
            Enrichment = new ProfileEnrichment { UseDefaultEnrichers = false },
            EnvironmentVariables = new Dictionary<string, string>(),
        });
        console.Profile.Width = Width;
        console.Profile.Height = 24;
        console.Profile.Encoding = ReportText.Utf8;
        console.Profile.Capabilities.Unicode = true;
        console.Profile.Capabilities.Links = false;
        return console;
    }

    private void WriteFinding(IAnsiConsole console, Finding finding)
    {
        var style = SeverityStyle(finding.Severity);
        Line(
            console,
            (ReportText.Upper(finding.Severity).PadRight(BadgeWidth), style),
            (DisplayText.SingleLine(ReportText.Position(finding.Location)), Plain),
            ("  " + finding.RuleId, Bold),
            (" " + finding.Rule.Name, Plain));
        Indented(console, DisplayText.SingleLine(finding.Message), Plain);

        if (!string.IsNullOrEmpty(finding.Snippet))
        {
            WriteSnippet(console, finding, style);
        }

        if (finding.Fix is { } fix)
        {
            Indented(console, "fix: " + DisplayText.SingleLine(fix.Description), new Style(Color.Green));
        }

        if (options.Verbose)
        {
            Indented(console, "confidence " + finding.Confidence.ToWire() + " · fingerprint " + finding.Fingerprint, Dim);
            Indented(console, finding.Rule.HelpUrl, Dim);
        }
    }

    /// <summary>The source lines with a line-number gutter, and carets under the finding's columns.</summary>
    private void WriteSnippet(IAnsiConsole console, Finding finding, Style style)
    {
        var lines = DisplayText.Multiline(finding.Snippet!).TrimEnd('\n').Split('\n');
        var location = finding.Location;
        var gutterWidth = Math.Max(3, ReportText.Number(location.StartLine + lines.Length - 1).Length);
        var indent = new string(' ', BadgeWidth);
        var available = Math.Max(10, Width - BadgeWidth - gutterWidth - 3);

        for (var i = 0; i < lines.Length; i++)
        {
            var number = location.StartLine + i;
            var line = lines[i];
            Line(
                console,
                (indent + ReportText.Number(number).PadLeft(gutterWidth) + " │ ", Dim),
                (TerminalCells.Truncate(TerminalCells.ExpandTabs(line), available), Plain));

            if (Span(line, number, location) is var (start, end))
            {
                var padding = Math.Min(TerminalCells.Width(line[..start]), available - 1);
                var carets = Math.Clamp(TerminalCells.Width(line[start..end]), 1, available - padding);
                Line(
                    console,
                    (indent + new string(' ', gutterWidth) + " │ ", Dim),
                    (new string(' ', padding), Plain),
                    (new string('^', carets), style));
            }
        }
    }

    /// <summary>The 0-based [start, end) character range of <paramref name="line"/> that the location covers, if any.</summary>
    internal static (int Start, int End)? Span(string line, int number, Location location)
    {
        if (number < location.StartLine || number > Math.Max(location.StartLine, location.EndLine))
        {
            return null;
        }

        var start = number == location.StartLine ? location.StartColumn - 1 : line.Length - line.AsSpan().TrimStart().Length;
        var end = number == location.EndLine ? location.EndColumn : line.Length;
        start = Math.Clamp(start, 0, line.Length);
        end = Math.Clamp(end, start, line.Length);
        if (start == line.Length && line.Length > 0 && number == location.StartLine)
        {
            // The snippet was redacted or trimmed and is shorter than the original line: mark its last character.
            start = line.Length - 1;
            end = line.Length;
        }

        return (start, end);
    }

    /// <summary>Writes one line from styled parts. Text is never parsed as markup.</summary>
    private static void Line(IAnsiConsole console, params (string Text, Style Style)[] parts)
    {
        var paragraph = new Paragraph();
        foreach (var (text, style) in parts)
        {
            paragraph.Append(text, style);
        }

        console.Write(paragraph);
        console.WriteLine();
    }

    /// <summary>Writes text word-wrapped under the finding header, indented past the severity badge.</summary>
    private void Indented(IAnsiConsole console, string text, Style style)
    {
        foreach (var line in TerminalCells.Wrap(text, Width - BadgeWidth))
        {
            Line(console, (new string(' ', BadgeWidth), Plain), (line, style));
        }
    }

    private static Style SeverityStyle(Severity severity) => severity switch
    {
        Severity.Critical => new Style(Color.Fuchsia, decoration: Decoration.Bold),
        Severity.High => new Style(Color.Red, decoration: Decoration.Bold),
        Severity.Medium => new Style(Color.Yellow, decoration: Decoration.Bold),
        Severity.Low => new Style(Color.Blue),
        Severity.Info => Dim,
        _ => throw new ArgumentOutOfRangeException(nameof(severity)),
    };
}
