using Shipgate.Core;
using Shipgate.Reporting.Internal;
using Shipgate.Reporting.Json;

namespace Shipgate.Reporting;

/// <summary>
/// Writes the versioned JSON report (<c>schemaVersion: 1</c>), the format other tools consume.
/// The shape is declared by the records in <c>Json/JsonReportV1.cs</c> and documented by
/// <c>docs/schemas/report-v1.schema.json</c>. Stateless and thread-safe.
/// </summary>
public sealed class JsonReportWriter : IReportWriter
{
    /// <summary>The schema version this writer produces. Bump only for breaking changes, with a new writer.</summary>
    public const int V1 = 1;

    public ReportFormat Format => ReportFormat.Json;

    public async ValueTask WriteAsync(ScanResult result, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(output);

        var report = JsonReportMapper.ToV1(result);
        await ReportJson.WriteAsync(output, report, JsonReportContext.Default.JsonReport, () => JsonReportContext.Output.JsonReport, cancellationToken).ConfigureAwait(false);
    }
}
