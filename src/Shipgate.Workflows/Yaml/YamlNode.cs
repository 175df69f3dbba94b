namespace Shipgate.Workflows.Yaml;

/// <summary>A position in the source text: 0-based UTF-16 offset, 1-based line and column.</summary>
public readonly record struct Mark(int Offset, int Line, int Column);

/// <summary>How a scalar was written; block and quoted scalars never mean null or a boolean.</summary>
public enum ScalarStyle
{
    Plain,
    SingleQuoted,
    DoubleQuoted,
    Literal,
    Folded,
}

/// <summary>
/// A node of a YAML document with the exact source span of its token. Aliases resolve to the anchored
/// node itself, so a finding inside an aliased block points at the anchor's text. Immutable once loaded.
/// </summary>
public abstract class YamlNode
{
    private protected YamlNode(Mark start, Mark end, string? anchor)
    {
        Start = start;
        End = end;
        Anchor = anchor;
    }

    public Mark Start { get; }

    /// <summary>The position just past the node's last character.</summary>
    public Mark End { get; }

    public string? Anchor { get; }

    /// <summary>Nodes under this one when aliases are expanded (itself included); bounded by the loader.</summary>
    public long Weight { get; internal set; } = 1;
}

/// <summary>A scalar: its value after YAML unescaping and folding, and its style.</summary>
public sealed class YamlScalar : YamlNode
{
    internal YamlScalar(Mark start, Mark end, string? anchor, string value, ScalarStyle style, string? tag)
        : base(start, end, anchor)
    {
        Value = value;
        Style = style;
        Tag = tag;
    }

    public string Value { get; }

    public ScalarStyle Style { get; }

    public string? Tag { get; }

    /// <summary>True for a plain empty, <c>~</c> or <c>null</c> scalar.</summary>
    public bool IsNull => Style == ScalarStyle.Plain && Value is "" or "~" or "null" or "Null" or "NULL";

    /// <summary>The YAML 1.2 boolean this plain scalar spells, if any.</summary>
    public bool? AsBoolean => Style != ScalarStyle.Plain ? null
        : Value is "true" or "True" or "TRUE" ? true
        : Value is "false" or "False" or "FALSE" ? false
        : null;

    public override string ToString() => Value;
}

/// <summary>One key/value pair of a mapping. Keys are scalars.</summary>
public sealed record YamlEntry(YamlScalar Key, YamlNode Value);

/// <summary>A mapping, entries in source order.</summary>
public sealed class YamlMapping : YamlNode
{
    private readonly List<YamlEntry> entries;

    internal YamlMapping(Mark start, Mark end, string? anchor, List<YamlEntry> entries, bool flow)
        : base(start, end, anchor)
    {
        this.entries = entries;
        IsFlow = flow;
    }

    public IReadOnlyList<YamlEntry> Entries => entries;

    public bool IsFlow { get; }

    public int Count => entries.Count;

    /// <summary>The entry with this key (exact match), or null.</summary>
    public YamlEntry? Entry(string key)
    {
        foreach (var entry in entries)
        {
            if (string.Equals(entry.Key.Value, key, StringComparison.Ordinal))
            {
                return entry;
            }
        }

        return null;
    }

    public YamlNode? this[string key] => Entry(key)?.Value;

    public bool ContainsKey(string key) => Entry(key) is not null;

    /// <summary>The scalar value at <paramref name="key"/>, or null when absent or not a scalar.</summary>
    public string? ScalarValue(string key) => this[key] is YamlScalar scalar && !scalar.IsNull ? scalar.Value : null;
}

/// <summary>A sequence, items in source order.</summary>
public sealed class YamlSequence : YamlNode
{
    private readonly List<YamlNode> items;
    private readonly List<Mark> itemStarts;

    internal YamlSequence(Mark start, Mark end, string? anchor, List<YamlNode> items, List<Mark> itemStarts, bool flow)
        : base(start, end, anchor)
    {
        this.items = items;
        this.itemStarts = itemStarts;
        IsFlow = flow;
    }

    public IReadOnlyList<YamlNode> Items => items;

    /// <summary>Where each item is written: the alias (<c>*name</c>) for an aliased item, else the item itself.</summary>
    public IReadOnlyList<Mark> ItemStarts => itemStarts;

    public bool IsFlow { get; }

    public int Count => items.Count;
}
