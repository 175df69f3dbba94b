using System.Globalization;
using System.Text.Json;

namespace Shipgate.Dependencies.Json;

/// <summary>
/// A read-only JSON value that remembers the 1-based line it starts on, so parsers can point at the package in
/// the file. Built by <see cref="PositionedJson.Parse"/>. Objects keep their members in file order; on a
/// duplicate key the last one wins for lookups. Immutable after parsing.
/// </summary>
internal sealed class JsonNode
{
    private readonly List<KeyValuePair<string, JsonNode>>? members;
    private readonly List<JsonNode>? items;
    private Dictionary<string, JsonNode>? lookup;

    private JsonNode(JsonValueKind kind, int line, string? scalar, List<KeyValuePair<string, JsonNode>>? members, List<JsonNode>? items)
    {
        Kind = kind;
        Line = line;
        Scalar = scalar;
        this.members = members;
        this.items = items;
    }

    public JsonValueKind Kind { get; }

    public int Line { get; }

    /// <summary>The text of a string, or the literal text of a number, <c>true</c>, <c>false</c>; null otherwise.</summary>
    public string? Scalar { get; }

    public bool IsObject => Kind == JsonValueKind.Object;

    public bool IsArray => Kind == JsonValueKind.Array;

    public bool IsString => Kind == JsonValueKind.String;

    public IReadOnlyList<KeyValuePair<string, JsonNode>> Members => members ?? [];

    public IReadOnlyList<JsonNode> Items => items ?? [];

    public JsonNode? this[string key]
    {
        get
        {
            if (members is null)
            {
                return null;
            }

            if (lookup is null)
            {
                var built = new Dictionary<string, JsonNode>(members.Count, StringComparer.Ordinal);
                foreach (var (name, value) in members)
                {
                    built[name] = value;
                }

                lookup = built;
            }

            return lookup.GetValueOrDefault(key);
        }
    }

    /// <summary>The string value of a member, or null when it is missing or not a string.</summary>
    public string? String(string key) => this[key] is { Kind: JsonValueKind.String } node ? node.Scalar : null;

    /// <summary>The text of a string or number member, or null.</summary>
    public string? Text(string key) => this[key] is { Kind: JsonValueKind.String or JsonValueKind.Number } node ? node.Scalar : null;

    public bool Bool(string key) => this[key] is { Kind: JsonValueKind.True };

    internal static JsonNode Value(JsonValueKind kind, int line, string? scalar) => new(kind, line, scalar, null, null);

    internal static JsonNode Object(int line, List<KeyValuePair<string, JsonNode>> members) => new(JsonValueKind.Object, line, null, members, null);

    internal static JsonNode Array(int line, List<JsonNode> items) => new(JsonValueKind.Array, line, null, null, items);

    public override string ToString() => Kind switch
    {
        JsonValueKind.Object => $"object({Members.Count.ToString(CultureInfo.InvariantCulture)})",
        JsonValueKind.Array => $"array({Items.Count.ToString(CultureInfo.InvariantCulture)})",
        _ => Scalar ?? "null",
    };
}
