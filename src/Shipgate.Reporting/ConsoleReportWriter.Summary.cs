using Shipgate.Core;
using Shipgate.Reporting.Internal;
using Spectre.Console;

namespace Shipgate.Reporting;

/// <summary>The closing part of the console report: counts, suppressions, errors, skipped files and the verdict.</summary>
public sealed partial class ConsoleReportWriter
{
    private void WriteSummary(IAnsiConsole console, ScanResult result, IReadOnlyList<Finding> findings)
    {
        var summary = result.Summary;
        if (findings.Count == 0)
        {
            Line(console, ("No findings.", new Style(Color.Green)));
        }
        else
        {
            console.Write(SummaryTable(result, summary));
        }

        console.WriteLine();

        if (result.Suppressed.Count > 0)
        {
            var byKind = Enum.GetValues<SuppressionKind>()
                .Select(kind => ReportText.Number(summary.SuppressedByKind.GetValueOrDefault(kind)) + " " + ReportText.Wire(kind));
            Line(console, ("Suppressed: " + ReportText.Number(result.Suppressed.Count) + " (" + string.Join(", ", byKind) + ")", Plain));
        }

        if (result.Errors.Count > 0)
        {
            var red = new Style(Color.Red);
            Line(console, (ReportText.Count(result.Errors.Count, "error", "errors") + ":", red));
            foreach (var error in ReportOrder.Errors(result.Errors))
            {
                Line(console, ("  " + DisplayText.SingleLine(ReportText.Describe(error)), red));
            }
        }

        if (result.Skipped.Count > 0)
        {
            Line(
                console,
                ("Skipped: " + ReportText.Count(result.Skipped.Count, "file", "files"), Plain),
                (options.Verbose ? "" : " (--verbose lists them)", Dim));
            if (options.Verbose)
            {
                foreach (var skipped in ReportOrder.Skipped(result.Skipped))
                {
                    Line(console, ("  " + DisplayText.SingleLine(skipped.Path + ": " + skipped.Reason), Plain));
                }
            }
        }

        Line(console, (
            "Scanned " + ReportText.Count(result.FilesScanned, "file", "files")
            + " with " + ReportText.Count(ReportOrder.Rules(result).Count, "rule", "rules")
            + " in " + ReportText.Seconds(result.Duration) + " s.", Plain));

        var failing = findings.Count(f => f.Severity >= result.FailOn);
        var threshold = result.FailOn.ToWire();
        Line(console, failing > 0
            ? ("✖ " + ReportText.Count(failing, "finding", "findings") + " at or above " + threshold + " (fail-on)", new Style(Color.Red, decoration: Decoration.Bold))
            : ("✔ No findings at or above " + threshold + " (fail-on)", new Style(Color.Green, decoration: Decoration.Bold)));
    }

    private static Table SummaryTable(ScanResult result, ScanSummary summary)
    {
        var table = new Table { Border = TableBorder.Rounded };
        table.AddColumn(new TableColumn(new Text("Category")));
        foreach (var severity in ReportOrder.SeveritiesDescending)
        {
            table.AddColumn(new TableColumn(new Text(ReportText.Upper(severity), SeverityStyle(severity))).RightAligned());
        }

        table.AddColumn(new TableColumn(new Text("Total")).RightAligned());

        foreach (var category in ReportOrder.Categories(result))
        {
            var counts = summary.ByCategory.GetValueOrDefault(category);
            var cells = new List<Text> { new(ReportText.Title(category)) };
            cells.AddRange(ReportOrder.SeveritiesDescending.Select(s => Count(counts?.GetValueOrDefault(s) ?? 0)));
            cells.Add(Count(counts?.Values.Sum() ?? 0));
            table.AddRow(cells);
        }

        var totals = new List<Text> { new("Total", Bold) };
        totals.AddRange(ReportOrder.SeveritiesDescending.Select(s => new Text(ReportText.Number(summary.BySeverity.GetValueOrDefault(s)), Bold)));
        totals.Add(new Text(ReportText.Number(summary.Total), Bold));
        table.AddRow(totals);
        return table;

        static Text Count(int value) => value == 0 ? new Text("0", Dim) : new Text(ReportText.Number(value));
    }
}
