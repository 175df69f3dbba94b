using Shipgate.Yaml;

namespace Shipgate.Workflows.GitHubActions;

/// <summary>Reasoning about <c>strategy.matrix</c>: whether a <c>matrix.KEY</c> can only take values written in the file.</summary>
public static class MatrixValues
{
    /// <summary>True when every value <paramref name="key"/> can take is a literal without expressions.</summary>
    public static bool IsStatic(YamlNode matrix, string? key)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        if (matrix is not YamlMapping map)
        {
            return false;
        }

        if (key is null || key == "*")
        {
            return !HasExpression(map);
        }

        foreach (var node in ValuesOf(map, key))
        {
            if (HasExpression(node))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Every node the key takes: its row list, and the value in each <c>include</c> entry.</summary>
    public static IEnumerable<YamlNode> ValuesOf(YamlMapping matrix, string key)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        foreach (var entry in matrix.Entries)
        {
            if (string.Equals(entry.Key.Value, key, StringComparison.OrdinalIgnoreCase))
            {
                yield return entry.Value;
            }
            else if (entry.Key.Value == "include")
            {
                if (entry.Value is YamlScalar scalar)
                {
                    yield return scalar;
                }
                else if (entry.Value is YamlSequence rows)
                {
                    foreach (var row in rows.Items)
                    {
                        if (row is YamlMapping rowMap && rowMap[key] is { } value)
                        {
                            yield return value;
                        }
                        else if (row is YamlScalar rowExpr)
                        {
                            yield return rowExpr;
                        }
                    }
                }
            }
            else if (entry.Value is YamlScalar s && s.Value.Contains("${{", StringComparison.Ordinal) && entry.Key.Value != "exclude")
            {
                // A whole dimension computed by an expression could be anything.
                continue;
            }
        }
    }

    /// <summary>True when the node or anything under it holds a <c>${{ }}</c>.</summary>
    public static bool HasExpression(YamlNode node)
    {
        var stack = new Stack<YamlNode>();
        stack.Push(node);
        var visited = 0;
        while (stack.Count > 0 && visited++ < 100_000)
        {
            switch (stack.Pop())
            {
                case YamlScalar s:
                    if (s.Value.Contains("${{", StringComparison.Ordinal))
                    {
                        return true;
                    }

                    break;
                case YamlSequence seq:
                    foreach (var item in seq.Items)
                    {
                        stack.Push(item);
                    }

                    break;
                case YamlMapping map:
                    foreach (var entry in map.Entries)
                    {
                        stack.Push(entry.Value);
                    }

                    break;
            }
        }

        return false;
    }
}
