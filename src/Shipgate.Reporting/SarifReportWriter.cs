using Shipgate.Core;
using Shipgate.Reporting.Internal;
using Shipgate.Reporting.Sarif;

namespace Shipgate.Reporting;

/// <summary>
/// Writes SARIF 2.1.0 for GitHub code scanning and SARIF viewers: one run, the rules that ran (mapped by
/// <c>Sarif/SarifMapping.cs</c>), findings as results, suppressed findings as results with <c>suppressions</c>,
/// and scan errors as tool execution notifications. Stateless and thread-safe.
/// </summary>
public sealed class SarifReportWriter : IReportWriter
{
    public ReportFormat Format => ReportFormat.Sarif;

    public async ValueTask WriteAsync(ScanResult result, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(output);

        var log = SarifLogBuilder.Build(result);
        await ReportJson.WriteAsync(output, log, SarifJsonContext.Default.SarifLog, () => SarifJsonContext.Output.SarifLog, cancellationToken).ConfigureAwait(false);
    }
}
