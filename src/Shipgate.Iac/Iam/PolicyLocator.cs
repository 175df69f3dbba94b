using Shipgate.Core;

namespace Shipgate.Iac.Iam;

/// <summary>
/// Finds the policy documents in a parsed JSON file: the file itself (<c>{"Version", "Statement"}</c>), or the
/// documents inside the wrappers AWS APIs and tools write (<c>PolicyDocument</c>, <c>AssumeRolePolicyDocument</c>,
/// the CLI's <c>Policy.PolicyVersion.Document</c>, <c>get-bucket-policy</c>'s <c>{"Policy": "…json…"}</c>, where the
/// document may be an embedded or URL-encoded JSON string). Stateless.
/// </summary>
internal static class PolicyLocator
{
    private const int MaxSearchDepth = 8;

    private static readonly string[] WrapperKeys = ["PolicyDocument", "AssumeRolePolicyDocument", "Document", "Policy", "policy"];

    public static IReadOnlyList<PolicyDocument> Find(ValueNode root)
    {
        var found = new List<PolicyDocument>();
        if (PolicyReader.LooksLikePolicy(root))
        {
            found.Add(PolicyReader.Read(root, "", PolicyKind.Unknown));
            return found;
        }

        Search(root, "", 0, found);
        return found;
    }

    private static void Search(ValueNode node, string path, int depth, List<PolicyDocument> found)
    {
        if (depth > MaxSearchDepth)
        {
            return;
        }

        switch (node)
        {
            case MapNode map:
                foreach (var entry in map.Entries)
                {
                    var here = path.Length == 0 ? entry.Key : path + "." + entry.Key;
                    if (WrapperKeys.Contains(entry.Key, StringComparer.Ordinal) && AsPolicy(entry.Value) is { } document)
                    {
                        var kind = entry.Key == "AssumeRolePolicyDocument" ? PolicyKind.Trust : PolicyKind.Unknown;
                        found.Add(PolicyReader.Read(document, here, kind));
                    }
                    else
                    {
                        Search(entry.Value, here, depth + 1, found);
                    }
                }

                break;
            case ListNode list:
                for (var i = 0; i < list.Items.Count; i++)
                {
                    Search(list.Items[i], $"{path}[{i}]", depth + 1, found);
                }

                break;
        }
    }

    /// <summary>The value as a policy: an object with Statement, or a string holding (URL-encoded) policy JSON.</summary>
    internal static ValueNode? AsPolicy(ValueNode value)
    {
        if (PolicyReader.LooksLikePolicy(value))
        {
            return value;
        }

        if (value.AsString() is not { } text)
        {
            return null;
        }

        var trimmed = text.TrimStart();
        if (trimmed.StartsWith("%7B", StringComparison.OrdinalIgnoreCase))
        {
            trimmed = Uri.UnescapeDataString(trimmed.Replace('+', ' '));
        }

        if (!trimmed.StartsWith('{') || !trimmed.Contains("Statement", StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            var parsed = Relocate(PositionedJson.Parse(trimmed), value.Line, value.Column);
            return PolicyReader.LooksLikePolicy(parsed) ? parsed : null;
        }
        catch (InputFormatException)
        {
            return null;
        }
    }

    /// <summary>Moves every position of an embedded document to where its string starts in the file.</summary>
    internal static ValueNode Relocate(ValueNode node, int line, int column) => node switch
    {
        ScalarNode s => s with { Line = line, Column = column },
        UnknownNode u => u with { Line = line, Column = column },
        ListNode l => new ListNode([.. l.Items.Select(i => Relocate(i, line, column))], line, column),
        MapNode m => new MapNode([.. m.Entries.Select(e => new MapEntry(e.Key, line, column, Relocate(e.Value, line, column)))], line, column),
        _ => node,
    };
}
