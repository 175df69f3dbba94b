using Shipgate.Yaml;

namespace Shipgate.Workflows.GitHubActions;

public enum PermissionsKind
{
    /// <summary>No <c>permissions:</c> key: the repository default applies.</summary>
    Default,
    ReadAll,
    WriteAll,

    /// <summary>A mapping of scopes (possibly empty: <c>{}</c>).</summary>
    Explicit,

    /// <summary>An expression or something unrecognised.</summary>
    Other,
}

/// <summary>A <c>permissions:</c> block of a workflow or a job. Immutable.</summary>
public sealed class Permissions
{
    private Permissions(PermissionsKind kind, YamlEntry? entry)
    {
        Kind = kind;
        Entry = entry;
    }

    public PermissionsKind Kind { get; }

    /// <summary>The <c>permissions</c> key and value, or null when absent.</summary>
    public YamlEntry? Entry { get; }

    /// <summary>The explicit scopes (<c>contents: write</c>), in order.</summary>
    public IEnumerable<YamlEntry> Scopes => Entry?.Value is YamlMapping map ? map.Entries : [];

    public bool IsExplicitOrBase => Kind != PermissionsKind.Default;

    /// <summary>The access level of one scope (<c>read</c>, <c>write</c>, <c>none</c>), or null when not listed.</summary>
    public string? Scope(string name) => Entry?.Value is YamlMapping map ? map.ScalarValue(name) : null;

    /// <summary>True when some scope is granted write (or write-all).</summary>
    public bool GrantsWrite => Kind == PermissionsKind.WriteAll || Scopes.Any(s => s.Value is YamlScalar { Value: "write" });

    public static Permissions From(YamlMapping owner)
    {
        var entry = owner.Entry("permissions");
        if (entry is null)
        {
            return new Permissions(PermissionsKind.Default, null);
        }

        return entry.Value switch
        {
            YamlScalar { Value: "read-all" } => new Permissions(PermissionsKind.ReadAll, entry),
            YamlScalar { Value: "write-all" } => new Permissions(PermissionsKind.WriteAll, entry),
            YamlScalar s when s.IsNull => new Permissions(PermissionsKind.Default, entry),
            YamlMapping => new Permissions(PermissionsKind.Explicit, entry),
            _ => new Permissions(PermissionsKind.Other, entry),
        };
    }
}
