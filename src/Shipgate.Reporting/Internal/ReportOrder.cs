using Shipgate.Core;

namespace Shipgate.Reporting.Internal;

/// <summary>
/// The one definition of report order. The engine already sorts, but every writer re-sorts through here
/// so a report never depends on the order a caller happened to build its lists in.
/// </summary>
internal static class ReportOrder
{
    /// <summary>Severities from most to least severe, the order reports list them in.</summary>
    public static IReadOnlyList<Severity> SeveritiesDescending { get; } =
        [.. Enum.GetValues<Severity>().OrderDescending(EnumOrder.Of<Severity>())];

    public static IReadOnlyList<Finding> Findings(IEnumerable<Finding> findings) =>
        [.. findings.Order(FindingComparer.Instance)];

    public static IReadOnlyList<SuppressedFinding> Suppressed(IEnumerable<SuppressedFinding> suppressed) =>
        [.. suppressed
            .OrderBy(s => s.Finding, FindingComparer.Instance)
            .ThenBy(s => s.Kind, EnumOrder.Of<SuppressionKind>())
            .ThenBy(s => s.Reason, StringComparer.Ordinal)];

    public static IReadOnlyList<ScanError> Errors(IEnumerable<ScanError> errors) =>
        [.. errors
            .OrderBy(e => e.Path, StringComparer.Ordinal)
            .ThenBy(e => e.Line ?? 0)
            .ThenBy(e => e.Column ?? 0)
            .ThenBy(e => e.Message, StringComparer.Ordinal)];

    public static IReadOnlyList<SkippedFile> Skipped(IEnumerable<SkippedFile> skipped) =>
        [.. skipped
            .OrderBy(s => s.Path, StringComparer.Ordinal)
            .ThenBy(s => s.Reason, StringComparer.Ordinal)];

    /// <summary>
    /// The rules that ran, by id. Rules of reported or suppressed findings are included even when a caller
    /// forgot to list them, so every SARIF result has a rule to point at.
    /// </summary>
    public static IReadOnlyList<RuleMetadata> Rules(ScanResult result)
    {
        var byId = new Dictionary<string, RuleMetadata>(StringComparer.Ordinal);
        foreach (var rule in result.Rules
                     .Concat(result.Findings.Select(f => f.Rule))
                     .Concat(result.Suppressed.Select(s => s.Finding.Rule)))
        {
            byId.TryAdd(rule.Id, rule);
        }

        return [.. byId.Values.OrderBy(r => r.Id, StringComparer.Ordinal)];
    }

    /// <summary>The categories of the rules that ran, in <see cref="Category"/> order.</summary>
    public static IReadOnlyList<Category> Categories(ScanResult result) =>
        [.. Enum.GetValues<Category>().Where(new HashSet<Category>(Rules(result).Select(r => r.Category), EnumOrder.Of<Category>()).Contains)];

    private sealed class FindingComparer : IComparer<Finding>
    {
        public static readonly FindingComparer Instance = new();

        public int Compare(Finding? x, Finding? y)
        {
            if (ReferenceEquals(x, y))
            {
                return 0;
            }

            if (x is null || y is null)
            {
                return x is null ? -1 : 1;
            }

            var order = string.CompareOrdinal(x.Location.Path, y.Location.Path);
            order = order != 0 ? order : x.Location.StartLine.CompareTo(y.Location.StartLine);
            order = order != 0 ? order : x.Location.StartColumn.CompareTo(y.Location.StartColumn);
            order = order != 0 ? order : string.CompareOrdinal(x.RuleId, y.RuleId);
            order = order != 0 ? order : string.CompareOrdinal(x.Fingerprint, y.Fingerprint);
            order = order != 0 ? order : x.Location.EndLine.CompareTo(y.Location.EndLine);
            order = order != 0 ? order : x.Location.EndColumn.CompareTo(y.Location.EndColumn);
            return order != 0 ? order : string.CompareOrdinal(x.Message, y.Message);
        }
    }
}
