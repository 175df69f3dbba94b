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
            console.Write(new Markup("[green]No findings.[/]\n"));
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
            console.Write(new Markup("Suppressed: " + ReportText.Number(result.Suppressed.Count) + " (" + string.Join(", ", byKind) + ")\n"));
        }

        if (result.Errors.Count > 0)
        {
            console.Write(new Markup("[red]" + Markup.Escape(ReportText.Count(result.Errors.Count, "error", "errors")) + ":[/]\n"));
            foreach (var error in ReportOrder.Errors(result.Errors))
            {
                console.Write(new Markup("  [red]" + Markup.Escape(DisplayText.SingleLine(ReportText.Describe(error))) + "[/]\n"));
            }
        }

        if (result.Skipped.Count > 0)
        {
            console.Write(new Markup("Skipped: " + Markup.Escape(ReportText.Count(result.Skipped.Count, "file", "files"))
                + (options.Verbose ? "" : " [grey](--verbose lists them)[/]") + "\n"));
            if (options.Verbose)
            {
                foreach (var skipped in ReportOrder.Skipped(result.Skipped))
                {
                    console.Write(new Markup("  " + Markup.Escape(DisplayText.SingleLine(skipped.Path + ": " + skipped.Reason)) + "\n"));
                }
            }
        }

        console.Write(new Markup("Scanned " + ReportText.Count(result.FilesScanned, "file", "files")
            + " with " + ReportText.Count(ReportOrder.Rules(result).Count, "rule", "rules")
            + " in " + ReportText.Seconds(result.Duration) + " s.\n"));

        var failing = findings.Count(f => f.Severity >= result.FailOn);
        var threshold = result.FailOn.ToWire();
        console.Write(new Markup(failing > 0
            ? "[bold red]✖ " + ReportText.Count(failing, "finding", "findings") + " at or above " + threshold + " (fail-on)[/]\n"
            : "[bold green]✔ No findings at or above " + threshold + " (fail-on)[/]\n"));
    }

    private static Table SummaryTable(ScanResult result, ScanSummary summary)
    {
        var table = new Table { Border = TableBorder.Rounded };
        table.AddColumn(new TableColumn("Category"));
        foreach (var severity in ReportOrder.SeveritiesDescending)
        {
            table.AddColumn(new TableColumn("[" + SeverityStyle(severity) + "]" + ReportText.Upper(severity) + "[/]").RightAligned());
        }

        table.AddColumn(new TableColumn("Total").RightAligned());

        foreach (var category in ReportOrder.Categories(result))
        {
            var counts = summary.ByCategory.GetValueOrDefault(category);
            var cells = new List<string> { Markup.Escape(ReportText.Title(category)) };
            cells.AddRange(ReportOrder.SeveritiesDescending.Select(s => Count(counts?.GetValueOrDefault(s) ?? 0)));
            cells.Add(Count(counts?.Values.Sum() ?? 0));
            table.AddRow([.. cells]);
        }

        var totals = new List<string> { "[bold]Total[/]" };
        totals.AddRange(ReportOrder.SeveritiesDescending.Select(s => "[bold]" + ReportText.Number(summary.BySeverity.GetValueOrDefault(s)) + "[/]"));
        totals.Add("[bold]" + ReportText.Number(summary.Total) + "[/]");
        table.AddRow([.. totals]);
        return table;

        static string Count(int value) => value == 0 ? "[grey]0[/]" : ReportText.Number(value);
    }
}
