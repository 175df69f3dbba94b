namespace Shipgate.Core;

/// <summary>
/// Everything that shapes one scan, resolved from the command line and <c>.shipgate.yml</c> before the
/// engine starts. Immutable; passed down, never stored in statics.
/// </summary>
public sealed record ScanOptions
{
    /// <summary>Files or directories as the user typed them. Empty means the working directory.</summary>
    public IReadOnlyList<string> Targets { get; init; } = ["."];

    public string WorkingDirectory { get; init; } = Directory.GetCurrentDirectory();

    /// <summary>Only these categories run; null means all.</summary>
    public IReadOnlySet<Category>? Only { get; init; }

    public Severity FailOn { get; init; } = Severity.High;

    public Confidence MinConfidence { get; init; } = Confidence.Low;

    /// <summary>True with <c>--no-ignore</c>: inline suppression comments are not honoured.</summary>
    public bool IgnoreInlineSuppressions { get; init; }

    public RuleSettings Rules { get; init; } = RuleSettings.Default;

    /// <summary>Path globs excluded from discovery (explicit file targets are still scanned).</summary>
    public IReadOnlyList<string> Exclude { get; init; } = [];

    /// <summary>Config <c>ignore</c> entries: rule(s) and path globs, with a reason.</summary>
    public IReadOnlyList<IgnoreEntry> Ignores { get; init; } = [];

    public Baseline? Baseline { get; init; }

    public bool UseGitIgnore { get; init; } = true;

    public long MaxFileSize { get; init; } = 25L * 1024 * 1024;

    /// <summary>Degree of parallelism; 0 means the processor count.</summary>
    public int Threads { get; init; }

    public IProgress<ScanProgress>? Progress { get; init; }
}

/// <summary>A config <c>ignore</c> entry: which rules (ids or names; empty = all) on which paths (globs; empty = all), and why.</summary>
public sealed record IgnoreEntry(IReadOnlyList<string> Rules, IReadOnlyList<string> Paths, string Reason);

/// <summary>
/// Progress reports for a console progress bar. While <paramref name="Counting"/>, the walk is still listing files and
/// <paramref name="FilesTotal"/> is the count so far.
/// </summary>
public readonly record struct ScanProgress(int FilesDone, int FilesTotal, string? CurrentPath, bool Counting = false);
