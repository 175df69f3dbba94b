using Shipgate.Core;

namespace Shipgate.Reporting;

/// <summary>
/// Writes one <see cref="ScanResult"/> in one format. Implementations are stateless apart from their
/// options, so one instance may be shared and called from several threads at once.
/// </summary>
public interface IReportWriter
{
    ReportFormat Format { get; }

    /// <summary>
    /// Writes the whole report to <paramref name="output"/> as UTF-8 without a byte-order mark, with LF line
    /// endings. The stream is left open. The output depends only on <paramref name="result"/> and the writer's
    /// options, never on the current culture, time zone or environment.
    /// </summary>
    ValueTask WriteAsync(ScanResult result, Stream output, CancellationToken cancellationToken);
}
