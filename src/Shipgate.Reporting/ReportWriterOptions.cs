namespace Shipgate.Reporting;

/// <summary>Presentation settings for report writers. Immutable; the CLI builds one from its options.</summary>
public sealed record ReportWriterOptions
{
    public static ReportWriterOptions Default { get; } = new();

    /// <summary>Emit ANSI colour codes (console only).</summary>
    public bool Color { get; init; }

    /// <summary>
    /// The user asked for unredacted secrets (<c>--show-secrets</c>, console only). Writers never reveal anything by
    /// themselves: the CLI re-reads the source lines into the snippets of the result it hands to the console writer.
    /// </summary>
    public bool ShowSecrets { get; init; }

    /// <summary>Line width in terminal cells (console only). Fixed, so output does not depend on the terminal.</summary>
    public int Width { get; init; } = 120;

    /// <summary>Show more detail: fingerprints, confidence and every skipped file (console only).</summary>
    public bool Verbose { get; init; }
}
