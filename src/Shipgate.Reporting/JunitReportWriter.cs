using System.Xml;
using Shipgate.Core;
using Shipgate.Reporting.Internal;

namespace Shipgate.Reporting;

/// <summary>
/// Writes JUnit XML for CI systems that show test reports. One <c>testsuite</c> per category that ran; one
/// <c>testcase</c> per rule and file with findings, with a <c>failure</c> per finding; one passing
/// <c>testcase</c> for each rule that ran and found nothing, so the report shows what was checked; scan
/// errors as <c>error</c> test cases. Counts are of test cases, as JUnit readers expect. Control characters
/// are shown as visible escapes (<see cref="DisplayText"/>) and anything XML 1.0 cannot hold is dropped, so
/// the file always parses. Stateless and thread-safe.
/// </summary>
public sealed class JunitReportWriter : IReportWriter
{
    private const string ErrorSuiteName = "scan-errors";

    public ReportFormat Format => ReportFormat.Junit;

    public async ValueTask WriteAsync(ScanResult result, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(output);

        using var buffer = new MemoryStream();
        Write(result, buffer);
        buffer.Position = 0;
        await buffer.CopyToAsync(output, cancellationToken).ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void Write(ScanResult result, Stream stream)
    {
        var suites = BuildSuites(result);
        var settings = new XmlWriterSettings
        {
            Encoding = ReportText.Utf8,
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Replace,
        };

        using (var xml = XmlWriter.Create(stream, settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("testsuites");
            xml.WriteAttributeString("name", "shipgate");
            xml.WriteAttributeString("tests", ReportText.Number(suites.Sum(s => s.Cases.Count)));
            xml.WriteAttributeString("failures", ReportText.Number(suites.Sum(s => s.Failures)));
            xml.WriteAttributeString("errors", ReportText.Number(suites.Sum(s => s.Errors)));
            xml.WriteAttributeString("time", ReportText.Seconds(result.Duration));
            xml.WriteAttributeString("timestamp", ReportText.Timestamp(result.StartedAt));

            foreach (var suite in suites)
            {
                xml.WriteStartElement("testsuite");
                xml.WriteAttributeString("name", suite.Name);
                xml.WriteAttributeString("tests", ReportText.Number(suite.Cases.Count));
                xml.WriteAttributeString("failures", ReportText.Number(suite.Failures));
                xml.WriteAttributeString("errors", ReportText.Number(suite.Errors));
                xml.WriteAttributeString("skipped", "0");
                foreach (var testCase in suite.Cases)
                {
                    WriteCase(xml, suite.Name, testCase);
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        stream.Write("\n"u8);
    }

    private static void WriteCase(XmlWriter xml, string className, TestCase testCase)
    {
        xml.WriteStartElement("testcase");
        xml.WriteAttributeString("classname", className);
        xml.WriteAttributeString("name", XmlChars.Clean(DisplayText.SingleLine(testCase.Name)));
        xml.WriteAttributeString("time", "0");
        foreach (var finding in testCase.Findings)
        {
            xml.WriteStartElement("failure");
            xml.WriteAttributeString("message", XmlChars.Clean(DisplayText.SingleLine(finding.Message)));
            xml.WriteAttributeString("type", finding.Severity.ToWire());
            xml.WriteString(XmlChars.Clean(DisplayText.Multiline(FailureText(finding))));
            xml.WriteEndElement();
        }

        if (testCase.Error is { } error)
        {
            xml.WriteStartElement("error");
            xml.WriteAttributeString("message", XmlChars.Clean(DisplayText.SingleLine(error.Message)));
            xml.WriteAttributeString("type", "scan-error");
            xml.WriteString(XmlChars.Clean(DisplayText.Multiline(ReportText.Describe(error))));
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static string FailureText(Finding finding)
    {
        var text = ReportText.Position(finding.Location) + ": " + finding.Severity.ToWire() + ": " + finding.Message;
        if (!string.IsNullOrEmpty(finding.Snippet))
        {
            text += "\n" + finding.Snippet.TrimEnd('\r', '\n');
        }

        return text + "\n" + finding.Rule.HelpUrl;
    }

    private static List<Suite> BuildSuites(ScanResult result)
    {
        var findingsByRule = ReportOrder.Findings(result.Findings).ToLookup(f => f.RuleId, StringComparer.Ordinal);
        var suites = new List<Suite>();
        foreach (var category in ReportOrder.Categories(result))
        {
            var cases = new List<TestCase>();
            foreach (var rule in ReportOrder.Rules(result).Where(r => r.Category == category))
            {
                var label = rule.Id + " " + rule.Name;
                var byFile = findingsByRule[rule.Id].GroupBy(f => f.Location.Path, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
                if (byFile.Count == 0)
                {
                    cases.Add(new TestCase(label, [], null));
                }

                cases.AddRange(byFile.Select(file => new TestCase(label + ": " + file.Key, [.. file], null)));
            }

            suites.Add(new Suite(category.ToWire(), cases));
        }

        if (result.Errors.Count > 0)
        {
            suites.Add(new Suite(
                ErrorSuiteName,
                [.. ReportOrder.Errors(result.Errors).Select(e => new TestCase("scan error: " + e.Path, [], e))]));
        }

        return suites;
    }

    private sealed record Suite(string Name, IReadOnlyList<TestCase> Cases)
    {
        public int Failures => Cases.Count(c => c.Findings.Count > 0);

        public int Errors => Cases.Count(c => c.Error is not null);
    }

    private sealed record TestCase(string Name, IReadOnlyList<Finding> Findings, ScanError? Error);
}
