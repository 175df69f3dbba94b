namespace Shipgate.Core;

/// <summary>The one place where the typed enums meet their wire spelling (lower case, as in reports and options).</summary>
public static class EnumNames
{
    public static string ToWire(this Severity severity) => severity switch
    {
        Severity.Info => "info",
        Severity.Low => "low",
        Severity.Medium => "medium",
        Severity.High => "high",
        Severity.Critical => "critical",
        _ => throw new ArgumentOutOfRangeException(nameof(severity)),
    };

    public static string ToWire(this Confidence confidence) => confidence switch
    {
        Confidence.Low => "low",
        Confidence.Medium => "medium",
        Confidence.High => "high",
        _ => throw new ArgumentOutOfRangeException(nameof(confidence)),
    };

    public static string ToWire(this Category category) => category switch
    {
        Category.Secrets => "secrets",
        Category.Workflows => "workflows",
        Category.Deps => "deps",
        Category.Docker => "docker",
        Category.Iac => "iac",
        _ => throw new ArgumentOutOfRangeException(nameof(category)),
    };

    public static string ToWire(this RuleStatus status) => status switch
    {
        RuleStatus.Experimental => "experimental",
        RuleStatus.Stable => "stable",
        RuleStatus.Deprecated => "deprecated",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static bool TryParseSeverity(string text, out Severity severity) => TryParse(text, out severity);

    public static bool TryParseConfidence(string text, out Confidence confidence) => TryParse(text, out confidence);

    public static bool TryParseCategory(string text, out Category category) => TryParse(text, out category);

    public static IReadOnlyList<string> WireNames<T>()
        where T : struct, Enum => Enum.GetValues<T>().Select(v => WireOf(v)).ToArray();

    private static string WireOf<T>(T value)
        where T : struct, Enum => value switch
        {
            Severity s => s.ToWire(),
            Confidence c => c.ToWire(),
            Category c => c.ToWire(),
            RuleStatus r => r.ToWire(),
            _ => value.ToString().ToLowerInvariant(),
        };

    private static bool TryParse<T>(string text, out T value)
        where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(WireOf(candidate), text.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }
}
