namespace Shipgate.Reporting;

/// <summary>The report formats Shipgate can write. The CLI binds <c>--format</c> to this enum.</summary>
public enum ReportFormat
{
    /// <summary>Human-readable terminal output (Spectre.Console), coloured on a TTY.</summary>
    Console,

    /// <summary>Versioned machine-readable JSON (<c>schemaVersion: 1</c>, see <c>docs/schemas/report-v1.schema.json</c>).</summary>
    Json,

    /// <summary>SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.</summary>
    Sarif,

    /// <summary>A Markdown summary for pull request comments and job summaries.</summary>
    Markdown,

    /// <summary>JUnit XML, for CI systems that show test reports.</summary>
    Junit,

    /// <summary>GitHub Actions workflow commands (<c>::error file=…::</c>), which become annotations.</summary>
    Github,
}
