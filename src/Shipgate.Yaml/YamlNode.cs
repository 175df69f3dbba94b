namespace Shipgate.Yaml;

/// <summary>A position in the source text: 0-based UTF-16 offset, 1-based line and column.</summary>
public readonly record struct Mark(int Offset, int Line, int Column);

/// <summary>How a scalar was written; quoted and block scalars never mean null, a number or a boolean.</summary>
public enum ScalarStyle
{
    Plain,
    SingleQuoted,
    DoubleQuoted,
    Literal,
    Folded,
}

/// <summary>
/// A node of a YAML document with the exact source span of its token. Aliases resolve to the anchored node itself,
/// so a finding inside an aliased block points at the anchor's text. Immutable once loaded; safe to share.
/// </summary>
public abstract class YamlNode
{
    private protected YamlNode(Mark start, Mark end, string? anchor, string? tag)
    {
        Start = start;
        End = end;
        Anchor = anchor;
        Tag = tag;
    }

    public Mark Start { get; }

    /// <summary>The position just past the node's last character.</summary>
    public Mark End { get; }

    public string? Anchor { get; }

    /// <summary>The explicit tag (<c>!Ref</c>, <c>!!str</c>), or null. CloudFormation's short intrinsic forms arrive here.</summary>
    public string? Tag { get; }

    /// <summary>Nodes under this one once aliases are expanded (itself included); bounded by the loader.</summary>
    public long Weight { get; internal set; } = 1;
}

/// <summary>A scalar: its value after YAML unescaping and folding, and its style.</summary>
public sealed class YamlScalar : YamlNode
{
    internal YamlScalar(Mark start, Mark end, string? anchor, string? tag, string value, ScalarStyle style)
        : base(start, end, anchor, tag)
    {
        Value = value;
        Style = style;
    }

    public string Value { get; }

    public ScalarStyle Style { get; }

    /// <summary>True for a plain, untagged empty, <c>~</c> or <c>null</c> scalar.</summary>
    public bool IsNull => Style == ScalarStyle.Plain && Tag is null && Value is "" or "~" or "null" or "Null" or "NULL";

    /// <summary>The YAML 1.2 core-schema boolean this plain scalar spells, if any.</summary>
    public bool? AsBoolean => Style != ScalarStyle.Plain ? null
        : Value is "true" or "True" or "TRUE" ? true
        : Value is "false" or "False" or "FALSE" ? false
        : null;

    /// <summary>The integer this plain scalar spells (decimal, optional sign), if any.</summary>
    public long? AsInteger => Style == ScalarStyle.Plain && long.TryParse(Value, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var number)
        ? number
        : null;

    public override string ToString() => Value;
}

/// <summary>One key/value pair of a mapping. Keys are scalars.</summary>
public sealed record YamlEntry(YamlScalar Key, YamlNode Value);

/// <summary>A mapping, entries in source order. A later duplicate key wins in lookups, as in most YAML loaders.</summary>
public sealed class YamlMapping : YamlNode
{
    private readonly List<YamlEntry> entries;

    internal YamlMapping(Mark start, Mark end, string? anchor, string? tag, List<YamlEntry> entries, bool flow)
        : base(start, end, anchor, tag)
    {
        this.entries = entries;
        IsFlow = flow;
    }

    public IReadOnlyList<YamlEntry> Entries => entries;

    public bool IsFlow { get; }

    public int Count => entries.Count;

    /// <summary>The entry with this key (exact match; the last one when duplicated), or null.</summary>
    public YamlEntry? Entry(string key)
    {
        for (var i = entries.Count - 1; i >= 0; i--)
        {
            if (string.Equals(entries[i].Key.Value, key, StringComparison.Ordinal))
            {
                return entries[i];
            }
        }

        return null;
    }

    public YamlNode? this[string key] => Entry(key)?.Value;

    public bool ContainsKey(string key) => Entry(key) is not null;

    /// <summary>The mapping at <paramref name="key"/>, or null when absent or of another type.</summary>
    public YamlMapping? Mapping(string key) => this[key] as YamlMapping;

    /// <summary>The sequence at <paramref name="key"/>, or null when absent or of another type.</summary>
    public YamlSequence? Sequence(string key) => this[key] as YamlSequence;

    /// <summary>The non-null scalar at <paramref name="key"/>, or null.</summary>
    public YamlScalar? Scalar(string key) => this[key] is YamlScalar { IsNull: false } scalar ? scalar : null;

    /// <summary>The scalar value at <paramref name="key"/>, or null when absent, null or not a scalar.</summary>
    public string? ScalarValue(string key) => Scalar(key)?.Value;
}

/// <summary>A sequence, items in source order.</summary>
public sealed class YamlSequence : YamlNode
{
    private readonly List<YamlNode> items;
    private readonly List<Mark> itemStarts;

    internal YamlSequence(Mark start, Mark end, string? anchor, string? tag, List<YamlNode> items, List<Mark> itemStarts, bool flow)
        : base(start, end, anchor, tag)
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

/// <summary>One document of a YAML stream: its root (null for an empty document) and its 0-based index.</summary>
public sealed record YamlDocument(int Index, Mark Start, YamlNode? Root);
