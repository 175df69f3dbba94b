using System.Text;
using Shipgate.Core;
using Shipgate.Reporting.Internal;

namespace Shipgate.Reporting;

/// <summary>
/// Writes <c>security-report.md</c>: a report a reviewer reads in a pull request or a job summary.
/// Header facts, a pass/fail verdict against the fail-on threshold, a category × severity summary, then one
/// section per category with the findings most severe first. Every scanned value is escaped
/// (<see cref="MarkdownText"/>). Stateless and thread-safe.
/// </summary>
public sealed class MarkdownReportWriter : IReportWriter
{
    public ReportFormat Format => ReportFormat.Markdown;

    public async ValueTask WriteAsync(ScanResult result, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        await ReportText.WriteAsync(output, Render(result), cancellationToken).ConfigureAwait(false);
    }

    internal static string Render(ScanResult result)
    {
        var md = new StringBuilder();
        var findings = ReportOrder.Findings(result.Findings);

        md.Append("# Shipgate security report\n\n");
        AppendHeader(md, result);
        AppendVerdict(md, result, findings);

        if (findings.Count == 0)
        {
            md.Append("## No findings\n\n")
              .Append("Shipgate checked ").Append(ReportText.Count(result.FilesScanned, "file", "files"))
              .Append(" with ").Append(ReportText.Count(ReportOrder.Rules(result).Count, "rule", "rules"))
              .Append(" and found nothing to report. 🎉\n\n");
        }
        else
        {
            AppendSummary(md, result);
            foreach (var group in findings.GroupBy(f => f.Category).OrderBy(g => g.Key))
            {
                AppendCategory(md, group.Key, group);
            }
        }

        AppendSuppressed(md, result);
        AppendErrors(md, result);
        AppendSkipped(md, result);
        return md.ToString().TrimEnd('\n') + "\n";
    }

    private static void AppendHeader(StringBuilder md, ScanResult result)
    {
        var repository = result.Repository;
        var tool = result.Tool.Name + " " + result.Tool.Version;
        md.Append("| Scan | |\n|---|---|\n");
        Row(md, "Repository", repository?.Name is { } name ? MarkdownText.Escape(name) : "—");
        Row(md, "Commit", repository?.Commit is { } commit ? MarkdownText.Code(commit, inTable: true) : "—");
        Row(md, "Branch", repository?.Branch is { } branch ? MarkdownText.Code(branch, inTable: true) : "—");
        Row(md, "Scanned at", ReportText.Timestamp(result.StartedAt).Replace('T', ' ').TrimEnd('Z') + " UTC");
        Row(md, "Targets", result.Targets.Count == 0 ? "—" : string.Join(", ", result.Targets.Select(t => MarkdownText.Code(t, inTable: true))));
        Row(md, "Files scanned", ReportText.Number(result.FilesScanned));
        Row(md, "Tool", MarkdownText.Escape(tool) + (result.Tool.Commit is { } toolCommit ? " (" + MarkdownText.Code(toolCommit, inTable: true) + ")" : ""));
        md.Append('\n');

        static void Row(StringBuilder md, string label, string value) =>
            md.Append("| ").Append(label).Append(" | ").Append(value).Append(" |\n");
    }

    private static void AppendVerdict(StringBuilder md, ScanResult result, IReadOnlyList<Finding> findings)
    {
        var failing = findings.Count(f => f.Severity >= result.FailOn);
        var threshold = "**" + result.FailOn.ToWire() + "**";
        md.Append(failing > 0
            ? "**❌ Failed:** " + ReportText.Count(failing, "finding", "findings") + " at or above " + threshold + " (the fail-on threshold).\n\n"
            : "**✅ Passed:** no findings at or above " + threshold + " (the fail-on threshold).\n\n");
    }

    private static void AppendSummary(StringBuilder md, ScanResult result)
    {
        var summary = result.Summary;
        var severities = ReportOrder.SeveritiesDescending;
        md.Append("## Summary\n\n| Category |");
        foreach (var severity in severities)
        {
            md.Append(' ').Append(Badge(severity)).Append(' ').Append(Capitalized(severity)).Append(" |");
        }

        md.Append(" Total |\n|---|").Append(string.Concat(Enumerable.Repeat("---:|", severities.Count + 1))).Append('\n');
        foreach (var category in ReportOrder.Categories(result))
        {
            var counts = summary.ByCategory.GetValueOrDefault(category);
            md.Append("| ").Append(ReportText.Title(category)).Append(" |");
            foreach (var severity in severities)
            {
                md.Append(' ').Append(ReportText.Number(counts?.GetValueOrDefault(severity) ?? 0)).Append(" |");
            }

            md.Append(' ').Append(ReportText.Number(counts?.Values.Sum() ?? 0)).Append(" |\n");
        }

        md.Append("| **Total** |");
        foreach (var severity in severities)
        {
            md.Append(" **").Append(ReportText.Number(summary.BySeverity.GetValueOrDefault(severity))).Append("** |");
        }

        md.Append(" **").Append(ReportText.Number(summary.Total)).Append("** |\n\n");
    }

    private static void AppendCategory(StringBuilder md, Category category, IEnumerable<Finding> findings)
    {
        var ordered = findings.OrderByDescending(f => f.Severity).ToList();   // stable: keeps path/line order within a severity
        md.Append("## ").Append(ReportText.Title(category)).Append(" (").Append(ReportText.Number(ordered.Count)).Append(")\n\n");
        foreach (var finding in ordered)
        {
            var rule = finding.Rule;
            md.Append("### ").Append(Badge(finding.Severity)).Append(' ').Append(ReportText.Upper(finding.Severity))
              .Append(" · ").Append(MarkdownText.Escape(rule.Id)).Append(' ').Append(MarkdownText.Escape(rule.Name)).Append("\n\n");
            md.Append("**Location:** ").Append(MarkdownText.Code(ReportText.Position(finding.Location))).Append("  \n");
            md.Append("**Rule:** [").Append(MarkdownText.Escape(rule.Id)).Append("](").Append(rule.HelpUrl).Append(") ")
              .Append(MarkdownText.Escape(rule.Title)).Append(" · confidence ").Append(finding.Confidence.ToWire()).Append("\n\n");
            md.Append(MarkdownText.Escape(finding.Message)).Append("\n\n");
            if (!string.IsNullOrEmpty(finding.Snippet))
            {
                md.Append(MarkdownText.Fence(finding.Snippet)).Append("\n\n");
            }

            if (finding.Fix is { } fix)
            {
                md.Append("**Suggested fix:** ").Append(MarkdownText.Escape(fix.Description)).Append("\n\n");
            }

            if (!string.IsNullOrWhiteSpace(rule.Remediation))
            {
                // Remediation is written by rule authors in Markdown, so it is shown as written.
                md.Append("**Remediation:** ").Append(DisplayText.SingleLine(rule.Remediation)).Append("\n\n");
            }
        }
    }

    private static void AppendSuppressed(StringBuilder md, ScanResult result)
    {
        if (result.Suppressed.Count == 0)
        {
            return;
        }

        md.Append("## Suppressed (").Append(ReportText.Number(result.Suppressed.Count)).Append(")\n\n| Kind | Count |\n|---|---:|\n");
        foreach (var kind in Enum.GetValues<SuppressionKind>())
        {
            md.Append("| ").Append(ReportText.Title(kind)).Append(" | ")
              .Append(ReportText.Number(result.Suppressed.Count(s => s.Kind == kind))).Append(" |\n");
        }

        md.Append('\n');
    }

    private static void AppendErrors(StringBuilder md, ScanResult result)
    {
        if (result.Errors.Count == 0)
        {
            return;
        }

        md.Append("## Errors (").Append(ReportText.Number(result.Errors.Count)).Append(")\n\n")
          .Append("These files could not be read or parsed, so their findings are missing from this report.\n\n");
        foreach (var error in ReportOrder.Errors(result.Errors))
        {
            var position = error.Line is { } line
                ? error.Path + ":" + ReportText.Number(line) + (error.Column is { } column ? ":" + ReportText.Number(column) : "")
                : error.Path;
            md.Append("- ").Append(MarkdownText.Code(position)).Append(": ").Append(MarkdownText.Escape(error.Message)).Append('\n');
        }

        md.Append('\n');
    }

    private static void AppendSkipped(StringBuilder md, ScanResult result)
    {
        if (result.Skipped.Count == 0)
        {
            return;
        }

        md.Append("## Skipped files (").Append(ReportText.Number(result.Skipped.Count)).Append(")\n\n");
        foreach (var skipped in ReportOrder.Skipped(result.Skipped))
        {
            md.Append("- ").Append(MarkdownText.Code(skipped.Path)).Append(": ").Append(MarkdownText.Escape(skipped.Reason)).Append('\n');
        }

        md.Append('\n');
    }

    private static string Badge(Severity severity) => severity switch
    {
        Severity.Critical => "🟣",
        Severity.High => "🔴",
        Severity.Medium => "🟠",
        Severity.Low => "🟡",
        Severity.Info => "⚪",
        _ => throw new ArgumentOutOfRangeException(nameof(severity)),
    };

    private static string Capitalized(Severity severity)
    {
        var wire = severity.ToWire();
        return char.ToUpperInvariant(wire[0]) + wire[1..];
    }
}
