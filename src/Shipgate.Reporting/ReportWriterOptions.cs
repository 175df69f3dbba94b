namespace Shipgate.Reporting;

/// <summary>Presentation settings for report writers. Immutable; the CLI builds one from its options.</summary>
public sealed record ReportWriterOptions
{
    public static ReportWriterOptions Default { get; } = new();

    /// <summary>Emit ANSI colour codes (console only).</summary>
    public bool Color { get; init; }

    /// <summary>Reserved: show unredacted secret values (console only; not used yet, snippets are always redacted).</summary>
    public bool ShowSecrets { get; init; }

    /// <summary>Line width in terminal cells (console only). Fixed, so output does not depend on the terminal.</summary>
    public int Width { get; init; } = 120;

    /// <summary>Show more detail: fingerprints, confidence and every skipped file (console only).</summary>
    public bool Verbose { get; init; }
}
