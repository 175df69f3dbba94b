namespace Shipgate.Iac.Iam;

/// <summary>
/// A statically known value with the 1-based position it came from: the common shape that JSON policy files,
/// Terraform expressions and CloudFormation YAML/JSON are lowered to before the IAM policy model is built.
/// Immutable.
/// </summary>
internal abstract record ValueNode(int Line, int Column);

/// <summary>The kinds of <see cref="ScalarNode"/>.</summary>
internal enum ScalarKind
{
    String,
    Number,
    Boolean,
    Null,
}

/// <summary>A string, number, boolean or null. <see cref="Text"/> holds the literal's text (<c>true</c>, <c>12</c>).</summary>
internal sealed record ScalarNode(string Text, ScalarKind Kind, int Line, int Column) : ValueNode(Line, Column);

/// <summary>
/// A value that cannot be known without running the tool that owns it: a Terraform reference (<c>var.arn</c>),
/// a function call, a CloudFormation intrinsic (<c>!Ref Bucket</c>). <see cref="Description"/> is its source form.
/// </summary>
internal sealed record UnknownNode(string Description, int Line, int Column) : ValueNode(Line, Column);

internal sealed record ListNode(IReadOnlyList<ValueNode> Items, int Line, int Column) : ValueNode(Line, Column);

/// <summary>One key of a <see cref="MapNode"/>, with the key's own position.</summary>
internal sealed record MapEntry(string Key, int Line, int Column, ValueNode Value);

/// <summary>An object or mapping; keys keep their source order (duplicates are kept, the last one wins on lookup).</summary>
internal sealed record MapNode(IReadOnlyList<MapEntry> Entries, int Line, int Column) : ValueNode(Line, Column)
{
    public MapEntry? Entry(string key, StringComparison comparison = StringComparison.Ordinal)
    {
        for (var i = Entries.Count - 1; i >= 0; i--)
        {
            if (string.Equals(Entries[i].Key, key, comparison))
            {
                return Entries[i];
            }
        }

        return null;
    }

    public ValueNode? Get(string key, StringComparison comparison = StringComparison.Ordinal) => Entry(key, comparison)?.Value;
}

internal static class ValueNodeExtensions
{
    /// <summary>The text of a string scalar, or null.</summary>
    public static string? AsString(this ValueNode? node) =>
        node is ScalarNode { Kind: ScalarKind.String } scalar ? scalar.Text : null;

    /// <summary>The text of any scalar (strings, numbers, booleans), or null.</summary>
    public static string? AsScalarText(this ValueNode? node) =>
        node is ScalarNode { Kind: not ScalarKind.Null } scalar ? scalar.Text : null;

    /// <summary>A scalar or every item of a list: the "string or array of strings" shape IAM uses everywhere.</summary>
    public static IEnumerable<ValueNode> Items(this ValueNode? node) => node switch
    {
        null => [],
        ListNode list => list.Items,
        _ => [node],
    };
}
