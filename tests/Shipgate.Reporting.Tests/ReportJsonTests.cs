using System.Text.Json;
using Shipgate.Reporting.Internal;
using Shipgate.Reporting.Json;
using Shipgate.Reporting.Sarif;

namespace Shipgate.Reporting.Tests;

/// <summary>
/// JSON and SARIF go through the source generator's serialisation code (start-up: no metadata for every report type);
/// it must exist for both report roots and write the same bytes as the serializer with the writers' options.
/// </summary>
public sealed class ReportJsonTests
{
    [Fact]
    public void GeneratedSerializationCode_ExistsForBothReports()
    {
        JsonReportContext.Default.JsonReport.SerializeHandler.ShouldNotBeNull();
        SarifJsonContext.Default.SarifLog.SerializeHandler.ShouldNotBeNull();
    }

    [Fact]
    public async Task JsonReport_GeneratedCodeAndSerializer_WriteTheSameBytes()
    {
        var report = JsonReportMapper.ToV1(SampleScanResults.Full());

        var generated = await WriteAsync(s => ReportJson.WriteAsync(s, report, JsonReportContext.Default.JsonReport, () => JsonReportContext.Output.JsonReport, default));
        var serializer = await SerializeAsync(s => JsonSerializer.SerializeAsync(s, report, JsonReportContext.Output.JsonReport));

        generated.ShouldBe(serializer);
        generated.ShouldContain("é"); // non-ASCII stays readable
    }

    [Fact]
    public async Task Sarif_GeneratedCodeAndSerializer_WriteTheSameBytes()
    {
        var log = SarifLogBuilder.Build(SampleScanResults.Full());

        var generated = await WriteAsync(s => ReportJson.WriteAsync(s, log, SarifJsonContext.Default.SarifLog, () => SarifJsonContext.Output.SarifLog, default));
        var serializer = await SerializeAsync(s => JsonSerializer.SerializeAsync(s, log, SarifJsonContext.Output.SarifLog));

        generated.ShouldBe(serializer);
    }

    private static async Task<string> WriteAsync(Func<Stream, ValueTask> write)
    {
        using var stream = new MemoryStream();
        await write(stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>The serializer's output and the final newline the writers add.</summary>
    private static Task<string> SerializeAsync(Func<Stream, Task> serialize) => WriteAsync(async s =>
    {
        await serialize(s);
        await s.WriteAsync("\n"u8.ToArray());
    });
}
