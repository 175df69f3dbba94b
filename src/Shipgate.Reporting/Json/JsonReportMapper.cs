using Shipgate.Core;
using Shipgate.Reporting.Internal;

namespace Shipgate.Reporting.Json;

/// <summary>Turns a <see cref="ScanResult"/> into the v1 wire records. Pure and deterministic.</summary>
internal static class JsonReportMapper
{
    public static JsonReport ToV1(ScanResult result)
    {
        var summary = result.Summary;
        return new JsonReport(
            JsonReportWriter.V1,
            new JsonTool(result.Tool.Name, result.Tool.Version, result.Tool.Commit),
            new JsonScan(
                [.. result.Targets],
                ReportText.Timestamp(result.StartedAt),
                (long)Math.Max(0, result.Duration.TotalMilliseconds),
                result.FilesScanned,
                result.FailOn.ToWire(),
                result.Repository is { } repository
                    ? new JsonRepository(repository.Name, repository.Commit, repository.Branch, ReportText.WithoutCredentials(repository.RemoteUrl))
                    : null),
            [.. ReportOrder.Findings(result.Findings).Select(ToFinding)],
            [.. ReportOrder.Suppressed(result.Suppressed).Select(ToSuppressed)],
            [.. ReportOrder.Errors(result.Errors).Select(e => new JsonError(e.Path, e.Message, e.Line, e.Column))],
            [.. ReportOrder.Skipped(result.Skipped).Select(s => new JsonSkipped(s.Path, s.Reason))],
            new JsonSummary(
                summary.Total,
                Counts(summary.BySeverity),
                ByCategory(result, summary),
                new JsonSuppressedCounts(
                    summary.SuppressedByKind.GetValueOrDefault(SuppressionKind.Inline),
                    summary.SuppressedByKind.GetValueOrDefault(SuppressionKind.Config),
                    summary.SuppressedByKind.GetValueOrDefault(SuppressionKind.Baseline)),
                summary.FilesScanned,
                summary.Errors,
                summary.Skipped,
                summary.FailsThreshold));
    }

    private static JsonFinding ToFinding(Finding finding) => new(
        finding.RuleId,
        finding.Rule.Name,
        finding.Category.ToWire(),
        finding.Severity.ToWire(),
        finding.Confidence.ToWire(),
        finding.Message,
        new JsonLocation(
            finding.Location.Path,
            finding.Location.StartLine,
            finding.Location.StartColumn,
            finding.Location.EndLine,
            finding.Location.EndColumn),
        finding.Snippet,
        [.. finding.Equivalents],
        finding.Fingerprint,
        finding.Fix is { } fix
            ? new JsonFix(fix.Description, [.. fix.Edits.Select(e => new JsonTextEdit(e.Offset, e.Length, e.NewText))])
            : null,
        finding.Rule.HelpUrl,
        finding.Properties.Count == 0
            ? null
            : new SortedDictionary<string, string>(finding.Properties.ToDictionary(), StringComparer.Ordinal));

    private static JsonSuppressed ToSuppressed(SuppressedFinding suppressed) => new(
        suppressed.Finding.RuleId,
        suppressed.Finding.Fingerprint,
        suppressed.Finding.Location.Path,
        suppressed.Finding.Location.StartLine,
        ReportText.Wire(suppressed.Kind),
        suppressed.Reason);

    /// <summary>Every category whose rules ran, in <see cref="Category"/> order, zeros included.</summary>
    private static OrderedDictionary<string, JsonSeverityCounts> ByCategory(ScanResult result, ScanSummary summary)
    {
        var byCategory = new OrderedDictionary<string, JsonSeverityCounts>(StringComparer.Ordinal);
        foreach (var category in ReportOrder.Categories(result))
        {
            byCategory[category.ToWire()] = summary.ByCategory.TryGetValue(category, out var counts)
                ? Counts(counts)
                : new JsonSeverityCounts(0, 0, 0, 0, 0);
        }

        return byCategory;
    }

    private static JsonSeverityCounts Counts(IReadOnlyDictionary<Severity, int> counts) => new(
        counts.GetValueOrDefault(Severity.Critical),
        counts.GetValueOrDefault(Severity.High),
        counts.GetValueOrDefault(Severity.Medium),
        counts.GetValueOrDefault(Severity.Low),
        counts.GetValueOrDefault(Severity.Info));
}
