using Shipgate.Core;

namespace Shipgate.Reporting.Tests;

/// <summary>
/// Every writer over the same scan results, compared byte for byte with <c>Golden/</c>, under the invariant
/// culture and cultures with comma decimals (de-DE), a dotted/dotless i (tr-TR) and Arabic digits and
/// right-to-left defaults (ar-SA). The output must not change with the culture.
/// </summary>
public sealed class GoldenTests
{
    private static readonly string[] Cultures = ["", "de-DE", "tr-TR", "ar-SA"];

    private static readonly Dictionary<string, (Func<ScanResult> Result, Func<IReportWriter> Writer)> Cases = new()
    {
        ["sample.console.txt"] = (SampleScanResults.Full, () => new ConsoleReportWriter(new ReportWriterOptions())),
        ["sample.console-verbose.txt"] = (SampleScanResults.Full, () => new ConsoleReportWriter(new ReportWriterOptions { Verbose = true, Width = 100 })),
        ["sample.console-color.ansi"] = (SampleScanResults.Full, () => new ConsoleReportWriter(new ReportWriterOptions { Color = true })),
        ["sample.json"] = (SampleScanResults.Full, () => new JsonReportWriter()),
        ["sample.sarif"] = (SampleScanResults.Full, () => new SarifReportWriter()),
        ["sample.md"] = (SampleScanResults.Full, () => new MarkdownReportWriter()),
        ["sample.junit.xml"] = (SampleScanResults.Full, () => new JunitReportWriter()),
        ["sample.github.txt"] = (SampleScanResults.Full, () => new GithubReportWriter()),
        ["empty.console.txt"] = (SampleScanResults.Empty, () => new ConsoleReportWriter(new ReportWriterOptions())),
        ["empty.json"] = (SampleScanResults.Empty, () => new JsonReportWriter()),
        ["empty.sarif"] = (SampleScanResults.Empty, () => new SarifReportWriter()),
        ["empty.md"] = (SampleScanResults.Empty, () => new MarkdownReportWriter()),
        ["empty.junit.xml"] = (SampleScanResults.Empty, () => new JunitReportWriter()),
        ["empty.github.txt"] = (SampleScanResults.Empty, () => new GithubReportWriter()),
    };

    public static TheoryData<string, string> GoldenCases()
    {
        var data = new TheoryData<string, string>();
        foreach (var name in Cases.Keys)
        {
            foreach (var culture in Cultures)
            {
                data.Add(name, culture);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(GoldenCases))]
    public async Task Should_match_golden_file_in_every_culture(string name, string culture)
    {
        // Given
        var (result, writer) = Cases[name];

        // When
        byte[] output;
        using (new CultureScope(culture))
        {
            output = await Render.BytesAsync(writer(), result());
        }

        // Then
        if (culture.Length == 0)
        {
            GoldenFile.Assert(output, name);
        }
        else
        {
            // Only the invariant run may rewrite the golden file; the others must agree with it byte for byte.
            var invariant = await Render.BytesAsync(writer(), result());
            output.ShouldBe(invariant, $"{name} differs under culture {culture}");
            GoldenFile.Assert(output, name);
        }
    }

    [Fact]
    public void Every_format_has_golden_files()
    {
        var covered = Cases.Values.Select(c => c.Writer().Format).ToHashSet();
        Enum.GetValues<ReportFormat>().Where(f => !covered.Contains(f)).ShouldBeEmpty();
    }
}
