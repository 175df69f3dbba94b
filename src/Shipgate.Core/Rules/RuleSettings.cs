namespace Shipgate.Core;

/// <summary>
/// The configuration that applies to rules: which are off, severity remaps, per-rule options and
/// whether experimental rules run. Rules are named by id or kebab-case name, case-insensitively.
/// Immutable and thread-safe.
/// </summary>
public sealed class RuleSettings
{
    private readonly HashSet<string> disabled;
    private readonly Dictionary<string, Severity> remap;
    private readonly Dictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>> options;

    public RuleSettings(
        IEnumerable<string>? disabled = null,
        IReadOnlyDictionary<string, Severity>? severityRemap = null,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>>? options = null,
        bool includeExperimental = false)
    {
        this.disabled = new HashSet<string>(disabled ?? [], StringComparer.OrdinalIgnoreCase);
        remap = new Dictionary<string, Severity>(severityRemap ?? new Dictionary<string, Severity>(), StringComparer.OrdinalIgnoreCase);
        this.options = new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>>(
            options ?? new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>>(), StringComparer.OrdinalIgnoreCase);
        IncludeExperimental = includeExperimental;
    }

    public static RuleSettings Default { get; } = new();

    public bool IncludeExperimental { get; }

    public IEnumerable<string> DisabledRules => disabled;

    public bool IsEnabled(RuleMetadata rule) =>
        !disabled.Contains(rule.Id) && !disabled.Contains(rule.Name)
        && (rule.Status != RuleStatus.Experimental || IncludeExperimental);

    public Severity SeverityOf(RuleMetadata rule, Severity fallback) =>
        remap.TryGetValue(rule.Id, out var byId) ? byId
        : remap.TryGetValue(rule.Name, out var byName) ? byName
        : fallback;

    public string? Option(RuleMetadata rule, string key)
    {
        var list = ListOption(rule, key);
        return list.Count == 0 ? null : list[0];
    }

    public IReadOnlyList<string> ListOption(RuleMetadata rule, string key)
    {
        foreach (var name in new[] { rule.Id, rule.Name })
        {
            if (options.TryGetValue(name, out var ruleOptions) && ruleOptions.TryGetValue(key, out var values))
            {
                return values.Count == 1 && values[0].Contains(',', StringComparison.Ordinal)
                    ? values[0].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                    : values;
            }
        }

        return [];
    }
}
