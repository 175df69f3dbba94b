namespace Shipgate.Dependencies.Yaml;

public enum YamlNodeKind
{
    Scalar,
    Mapping,
    Sequence,
}

/// <summary>
/// A read-only YAML node with the 1-based line it starts on. Built by <see cref="PositionedYaml.Parse"/> from parser
/// events, so aliases share the anchored node instead of copying it. Mapping keys are the text of scalar keys.
/// Immutable after parsing.
/// </summary>
internal sealed class YamlNode
{
    private readonly List<KeyValuePair<YamlNode, YamlNode>>? members;
    private readonly List<YamlNode>? items;

    private YamlNode(YamlNodeKind kind, int line, string? value, bool quoted, List<KeyValuePair<YamlNode, YamlNode>>? members, List<YamlNode>? items)
    {
        Kind = kind;
        Line = line;
        Value = value;
        IsQuoted = quoted;
        this.members = members;
        this.items = items;
    }

    public YamlNodeKind Kind { get; }

    public int Line { get; }

    /// <summary>The text of a scalar; null for collections.</summary>
    public string? Value { get; }

    /// <summary>Whether a scalar was written in quotes (so <c>"null"</c> is a string, not null).</summary>
    public bool IsQuoted { get; }

    public bool IsMapping => Kind == YamlNodeKind.Mapping;

    public bool IsSequence => Kind == YamlNodeKind.Sequence;

    /// <summary>Mapping entries in file order; the key node keeps its own line.</summary>
    public IReadOnlyList<KeyValuePair<YamlNode, YamlNode>> Members => members ?? [];

    public IReadOnlyList<YamlNode> Items => items ?? [];

    /// <summary>The value of the first entry whose scalar key is <paramref name="key"/>.</summary>
    public YamlNode? this[string key]
    {
        get
        {
            foreach (var (k, v) in Members)
            {
                if (k.Value == key)
                {
                    return v;
                }
            }

            return null;
        }
    }

    /// <summary>The scalar text at <paramref name="key"/>, or null when it is missing, null or not a scalar.</summary>
    public string? String(string key) => this[key] is { Kind: YamlNodeKind.Scalar } node && !node.IsNull ? node.Value : null;

    /// <summary>A plain <c>~</c>, <c>null</c> or empty scalar.</summary>
    public bool IsNull => Kind == YamlNodeKind.Scalar && !IsQuoted && Value is "" or "~" or "null" or "Null" or "NULL";

    internal static YamlNode Scalar(int line, string value, bool quoted) => new(YamlNodeKind.Scalar, line, value, quoted, null, null);

    internal static YamlNode Mapping(int line, List<KeyValuePair<YamlNode, YamlNode>> members) => new(YamlNodeKind.Mapping, line, null, false, members, null);

    internal static YamlNode Sequence(int line, List<YamlNode> items) => new(YamlNodeKind.Sequence, line, null, false, null, items);
}
