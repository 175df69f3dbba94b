using System.Globalization;
using System.Text;
using Shipgate.Core;
using Shipgate.Reporting.Internal;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Shipgate.Reporting;

/// <summary>
/// Writes the terminal report with Spectre.Console: findings grouped by file, each with a coloured severity,
/// the rule, the message and the (already redacted) source lines with the span marked by carets; then a
/// category × severity table, suppressions, errors, skipped files and a verdict against the fail-on threshold.
/// Output width is fixed by <see cref="ReportWriterOptions.Width"/> and the console is never asked about the
/// terminal or environment, so the same result always gives the same bytes. Stateless and thread-safe.
/// </summary>
public sealed partial class ConsoleReportWriter : IReportWriter
{
    private const int TabWidth = 4;
    private const int BadgeWidth = 9;

    private readonly ReportWriterOptions options;

    public ConsoleReportWriter(ReportWriterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;
    }

    public ReportFormat Format => ReportFormat.Console;

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
            console.Write(new Rule(Markup.Escape(DisplayText.SingleLine(file.Key))) { Justification = Justify.Left, Style = new Style(decoration: Decoration.Bold) });
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
        console.Profile.Width = Math.Max(40, options.Width);
        console.Profile.Height = 24;
        console.Profile.Encoding = ReportText.Utf8;
        console.Profile.Capabilities.Unicode = true;
        console.Profile.Capabilities.Links = false;
        return console;
    }

    private void WriteFinding(IAnsiConsole console, Finding finding)
    {
        var style = SeverityStyle(finding.Severity);
        var header = "[" + style + "]" + ReportText.Upper(finding.Severity).PadRight(BadgeWidth) + "[/]"
            + Markup.Escape(DisplayText.SingleLine(ReportText.Position(finding.Location)))
            + "  [bold]" + Markup.Escape(finding.RuleId) + "[/] " + Markup.Escape(finding.Rule.Name);
        console.Write(new Markup(header + "\n"));
        Indented(console, new Markup(Markup.Escape(DisplayText.SingleLine(finding.Message)) + "\n"));

        if (!string.IsNullOrEmpty(finding.Snippet))
        {
            WriteSnippet(console, finding, style);
        }

        if (finding.Fix is { } fix)
        {
            Indented(console, new Markup("[green]fix:[/] " + Markup.Escape(DisplayText.SingleLine(fix.Description)) + "\n"));
        }

        if (options.Verbose)
        {
            Indented(console, new Markup("[grey]confidence " + finding.Confidence.ToWire()
                + " · fingerprint " + Markup.Escape(finding.Fingerprint)
                + " · " + Markup.Escape(finding.Rule.HelpUri.AbsoluteUri) + "[/]\n"));
        }
    }

    /// <summary>The source lines with a line-number gutter, and carets under the finding's columns.</summary>
    private void WriteSnippet(IAnsiConsole console, Finding finding, string style)
    {
        var lines = DisplayText.Multiline(finding.Snippet!).TrimEnd('\n').Split('\n');
        var location = finding.Location;
        var gutterWidth = Math.Max(3, ReportText.Number(location.StartLine + lines.Length - 1).Length);
        var indent = new string(' ', BadgeWidth);
        var available = Math.Max(10, Math.Max(40, options.Width) - BadgeWidth - gutterWidth - 3);

        for (var i = 0; i < lines.Length; i++)
        {
            var number = location.StartLine + i;
            var line = lines[i];
            console.Write(new Markup(
                indent + "[grey]" + ReportText.Number(number).PadLeft(gutterWidth) + " │[/] " + Markup.Escape(Truncate(ExpandTabs(line), available)) + "\n"));

            if (Span(line, number, location) is var (start, end))
            {
                var padding = Math.Min(CellWidth(line[..start]), available - 1);
                var carets = Math.Clamp(CellWidth(line[start..end]), 1, available - padding);
                console.Write(new Markup(
                    indent + "[grey]" + new string(' ', gutterWidth) + " │[/] " + new string(' ', padding)
                    + "[" + style + "]" + new string('^', carets) + "[/]\n"));
            }
        }
    }

    /// <summary>Cuts a line to <paramref name="cells"/> terminal cells, ending with '…' when it was longer.</summary>
    private static string Truncate(string text, int cells)
    {
        if (CellWidth(text) <= cells)
        {
            return text;
        }

        var builder = new StringBuilder();
        var width = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var runeWidth = RuneWidth(rune);
            if (width + runeWidth > cells - 1)
            {
                break;
            }

            builder.Append(rune.ToString());
            width += runeWidth;
        }

        return builder.Append('…').ToString();
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

    private static void Indented(IAnsiConsole console, IRenderable renderable) =>
        console.Write(new Padder(renderable, new Padding(BadgeWidth, 0, 0, 0)));

    private static string ExpandTabs(string text) =>
        text.Replace("\t", new string(' ', TabWidth), StringComparison.Ordinal);

    private static int CellWidth(string text)
    {
        var width = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            width += rune.Value == '\t' ? TabWidth : RuneWidth(rune);
        }

        return width;
    }

    /// <summary>Terminal cells of one character: 0 for combining marks, 2 for wide East Asian and emoji, else 1.</summary>
    private static int RuneWidth(Rune rune)
    {
        var category = Rune.GetUnicodeCategory(rune);
        if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format)
        {
            return 0;
        }

        var v = rune.Value;
        var wide = v is (>= 0x1100 and <= 0x115F) or (>= 0x2E80 and <= 0x303E) or (>= 0x3041 and <= 0x33FF)
            or (>= 0x3400 and <= 0x4DBF) or (>= 0x4E00 and <= 0x9FFF) or (>= 0xA000 and <= 0xA4CF)
            or (>= 0xAC00 and <= 0xD7A3) or (>= 0xF900 and <= 0xFAFF) or (>= 0xFE30 and <= 0xFE4F)
            or (>= 0xFF00 and <= 0xFF60) or (>= 0xFFE0 and <= 0xFFE6) or (>= 0x1F300 and <= 0x1F64F)
            or (>= 0x1F900 and <= 0x1F9FF) or (>= 0x20000 and <= 0x3FFFD);
        return wide ? 2 : 1;
    }

    private static string SeverityStyle(Severity severity) => severity switch
    {
        Severity.Critical => "bold magenta",
        Severity.High => "bold red",
        Severity.Medium => "bold yellow",
        Severity.Low => "blue",
        Severity.Info => "grey",
        _ => throw new ArgumentOutOfRangeException(nameof(severity)),
    };
}
