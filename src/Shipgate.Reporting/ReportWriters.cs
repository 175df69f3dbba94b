namespace Shipgate.Reporting;

/// <summary>Picks the writer for a format. The one place that maps <see cref="ReportFormat"/> to a class.</summary>
public static class ReportWriters
{
    public static IReportWriter For(ReportFormat format, ReportWriterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return format switch
        {
            ReportFormat.Console => new ConsoleReportWriter(options),
            ReportFormat.Json => new JsonReportWriter(),
            ReportFormat.Sarif => new SarifReportWriter(),
            ReportFormat.Markdown => new MarkdownReportWriter(),
            ReportFormat.Junit => new JunitReportWriter(),
            ReportFormat.Github => new GithubReportWriter(),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown report format."),
        };
    }
}
