namespace Shipgate.Core;

/// <summary>
/// Everything one scan produced, ready for any report writer. Immutable. Findings are sorted by
/// path, line, column and rule id so every report is deterministic.
/// </summary>
public sealed record ScanResult
{
    public required ToolInfo Tool { get; init; }

    /// <summary>The findings that count: enabled, above the confidence floor, not suppressed.</summary>
    public required IReadOnlyList<Finding> Findings { get; init; }

    public IReadOnlyList<SuppressedFinding> Suppressed { get; init; } = [];

    public IReadOnlyList<ScanError> Errors { get; init; } = [];

    public IReadOnlyList<SkippedFile> Skipped { get; init; } = [];

    /// <summary>The rules that ran, for SARIF's rule table and the JUnit test cases.</summary>
    public IReadOnlyList<RuleMetadata> Rules { get; init; } = [];

    /// <summary>The paths the user asked to scan, as given.</summary>
    public IReadOnlyList<string> Targets { get; init; } = [];

    /// <summary>Absolute directory that report paths are relative to (SARIF's <c>%SRCROOT%</c>).</summary>
    public string BaseDirectory { get; init; } = "";

    public int FilesScanned { get; init; }

    public Severity FailOn { get; init; } = Severity.High;

    public DateTimeOffset StartedAt { get; init; }

    public TimeSpan Duration { get; init; }

    public RepositoryInfo? Repository { get; init; }

    /// <summary>True when at least one finding is at or above <see cref="FailOn"/>.</summary>
    public bool FailsThreshold => Findings.Any(f => f.Severity >= FailOn);

    public ScanSummary Summary => ScanSummary.From(this);
}

/// <summary>Name, version and commit of the running tool.</summary>
public sealed record ToolInfo(string Name, string Version, string? Commit = null)
{
    public const string InformationUri = "https://github.com/shipgate/shipgate";
}

/// <summary>The git facts of the scanned tree, shown in report headers.</summary>
public sealed record RepositoryInfo(string? Name, string? Commit, string? Branch, string? RemoteUrl);

/// <summary>Counts by category and severity, and what was suppressed by which mechanism.</summary>
public sealed record ScanSummary(
    int Total,
    IReadOnlyDictionary<Severity, int> BySeverity,
    IReadOnlyDictionary<Category, IReadOnlyDictionary<Severity, int>> ByCategory,
    IReadOnlyDictionary<SuppressionKind, int> SuppressedByKind,
    int FilesScanned,
    int Errors,
    int Skipped,
    bool FailsThreshold)
{
    /// <remarks>
    /// Counted in one pass with enum-keyed dictionaries on <see cref="EnumOrder"/>: grouping and counting with LINQ
    /// over enum keys cost more start-up time (reflection-made comparers, generic code to compile) than the counting.
    /// </remarks>
    public static ScanSummary From(ScanResult result)
    {
        var bySeverity = Zeros<Severity>();
        var byCategory = new Dictionary<Category, Dictionary<Severity, int>>(EnumOrder.Of<Category>());
        foreach (var finding in result.Findings)
        {
            bySeverity[finding.Severity]++;
            if (!byCategory.TryGetValue(finding.Category, out var counts))
            {
                byCategory[finding.Category] = counts = Zeros<Severity>();
            }

            counts[finding.Severity]++;
        }

        var suppressed = Zeros<SuppressionKind>();
        foreach (var suppression in result.Suppressed)
        {
            suppressed[suppression.Kind]++;
        }

        // In category order, as the reports list them.
        var categories = new Dictionary<Category, IReadOnlyDictionary<Severity, int>>(byCategory.Count, EnumOrder.Of<Category>());
        foreach (var category in Enum.GetValues<Category>())
        {
            if (byCategory.TryGetValue(category, out var counts))
            {
                categories[category] = counts;
            }
        }

        return new ScanSummary(
            result.Findings.Count, bySeverity, categories, suppressed,
            result.FilesScanned, result.Errors.Count, result.Skipped.Count, result.FailsThreshold);
    }

    /// <summary>Every value of <typeparamref name="T"/> with a count of zero, in value order.</summary>
    private static Dictionary<T, int> Zeros<T>()
        where T : struct, Enum
    {
        var zeros = new Dictionary<T, int>(EnumOrder.Of<T>());
        foreach (var value in Enum.GetValues<T>())
        {
            zeros[value] = 0;
        }

        return zeros;
    }
}
