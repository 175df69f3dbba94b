using System.Text;
using Shipgate.Core;
using Shipgate.Reporting.Internal;

namespace Shipgate.Reporting;

/// <summary>
/// Writes GitHub Actions workflow commands, which the runner turns into annotations on the pull request:
/// one <c>::error</c>, <c>::warning</c> or <c>::notice</c> per finding, one <c>::error</c> per scan error,
/// and a closing <c>::notice</c> with the totals. Meant for standard output inside a workflow step.
/// Stateless and thread-safe.
/// </summary>
public sealed class GithubReportWriter : IReportWriter
{
    public ReportFormat Format => ReportFormat.Github;

    public async ValueTask WriteAsync(ScanResult result, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        await ReportText.WriteAsync(output, Render(result), cancellationToken).ConfigureAwait(false);
    }

    internal static string Render(ScanResult result)
    {
        var text = new StringBuilder();
        foreach (var finding in ReportOrder.Findings(result.Findings))
        {
            var location = finding.Location;
            text.Append("::").Append(Command(finding.Severity))
                .Append(" file=").Append(WorkflowCommandText.EscapeProperty(location.Path))
                .Append(",line=").Append(ReportText.Number(location.StartLine));
            if (location.EndLine <= location.StartLine)
            {
                // GitHub only applies a column range within one line.
                text.Append(",col=").Append(ReportText.Number(location.StartColumn))
                    .Append(",endLine=").Append(ReportText.Number(location.StartLine))
                    .Append(",endColumn=").Append(ReportText.Number(location.EndColumn));
            }
            else
            {
                text.Append(",endLine=").Append(ReportText.Number(location.EndLine));
            }

            text.Append(",title=").Append(WorkflowCommandText.EscapeProperty(finding.RuleId + " " + finding.Rule.Name))
                .Append("::").Append(WorkflowCommandText.EscapeData(finding.Message))
                .Append('\n');
        }

        foreach (var error in ReportOrder.Errors(result.Errors))
        {
            text.Append("::error file=").Append(WorkflowCommandText.EscapeProperty(error.Path));
            if (error.Line is { } line)
            {
                text.Append(",line=").Append(ReportText.Number(line));
                if (error.Column is { } column)
                {
                    text.Append(",col=").Append(ReportText.Number(column));
                }
            }

            text.Append(",title=").Append(WorkflowCommandText.EscapeProperty("Scan error"))
                .Append("::").Append(WorkflowCommandText.EscapeData(error.Message))
                .Append('\n');
        }

        text.Append("::notice title=Shipgate::").Append(WorkflowCommandText.EscapeData(Summary(result))).Append('\n');
        return text.ToString();
    }

    /// <summary>critical and high fail, medium warns, low and info inform.</summary>
    private static string Command(Severity severity) => severity switch
    {
        Severity.Critical or Severity.High => "error",
        Severity.Medium => "warning",
        Severity.Low or Severity.Info => "notice",
        _ => throw new ArgumentOutOfRangeException(nameof(severity)),
    };

    private static string Summary(ScanResult result)
    {
        var summary = result.Summary;
        var failing = result.Findings.Count(f => f.Severity >= result.FailOn);
        var bySeverity = string.Join(", ", ReportOrder.SeveritiesDescending.Select(s => ReportText.Number(summary.BySeverity.GetValueOrDefault(s)) + " " + s.ToWire()));
        return ReportText.Count(summary.Total, "finding", "findings") + " (" + bySeverity + ") in "
            + ReportText.Count(summary.FilesScanned, "file", "files") + "; "
            + ReportText.Number(result.Suppressed.Count) + " suppressed; "
            + ReportText.Count(summary.Errors, "error", "errors") + "; "
            + ReportText.Number(summary.Skipped) + " skipped. "
            + (failing > 0
                ? "Failed: " + ReportText.Count(failing, "finding", "findings") + " at or above " + result.FailOn.ToWire() + "."
                : "Passed: no findings at or above " + result.FailOn.ToWire() + ".");
    }
}
