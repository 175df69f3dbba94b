using Shipgate.Core;
using Shipgate.Yaml;

namespace Shipgate.Workflows.Yaml;

/// <summary>
/// The text of one YAML file with its line index: turns nodes and offsets inside scalar values into
/// <see cref="Location"/>s, and finds comments on lines (for <c>zizmor: ignore[...]</c>). Immutable.
/// </summary>
public sealed class SourceText : YamlSource
{
    private readonly Dictionary<YamlScalar, int[]> maps = new(ReferenceEqualityComparer.Instance);
    private readonly Lock gate = new();

    public SourceText(string path, string text)
        : base(path, text)
    {
    }

    /// <summary>A span of <paramref name="length"/> characters at <paramref name="valueIndex"/> in a scalar's value.</summary>
    public Location Of(YamlScalar scalar, int valueIndex, int length)
    {
        var start = SourceOffset(scalar, valueIndex);
        var end = SourceOffset(scalar, Math.Max(valueIndex, valueIndex + length - 1)) + 1;
        return Span(start, Math.Max(end, start + 1));
    }

    /// <summary>The source offset of the character at <paramref name="valueIndex"/> in the scalar's value.</summary>
    public int SourceOffset(YamlScalar scalar, int valueIndex)
    {
        int[] map;
        lock (gate)
        {
            if (!maps.TryGetValue(scalar, out map!))
            {
                map = Align(scalar);
                maps[scalar] = map;
            }
        }

        return map[Math.Clamp(valueIndex, 0, map.Length - 1)];
    }

    /// <summary>The comment text on a line (after an unquoted <c>#</c>), or null.</summary>
    public string? CommentOn(int line)
    {
        var text = Lines.LineText(line);
        var inSingle = false;
        var inDouble = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\'' && !inDouble)
            {
                inSingle = !inSingle;
            }
            else if (c == '"' && !inSingle)
            {
                inDouble = !inDouble;
            }
            else if (c == '#' && !inSingle && !inDouble && (i == 0 || char.IsWhiteSpace(text[i - 1])))
            {
                return text[(i + 1)..];
            }
        }

        return null;
    }

    // Maps each value character to the source character it came from, greedily: exact for plain, quoted
    // (without escapes) and block scalars, approximate (never out of the scalar) otherwise.
    private int[] Align(YamlScalar scalar)
    {
        var value = scalar.Value;
        var map = new int[value.Length + 1];
        var j = scalar.Start.Offset;
        var end = Math.Min(Text.Length, scalar.End.Offset);
        var indent = 0;
        if (scalar.Style is ScalarStyle.Literal or ScalarStyle.Folded)
        {
            var newline = Text.IndexOf('\n', j, Math.Max(0, end - j));
            j = newline < 0 ? end : newline + 1;
            indent = ContentIndent(j, end);
            j = SkipIndent(j, end, indent);
        }
        else if (scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted)
        {
            j++;
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var k = j;
            while (k < end && Text[k] != c && !(c == ' ' && Text[k] == '\n'))
            {
                k++;
            }

            if (k >= end)
            {
                for (; i < value.Length; i++)
                {
                    map[i] = Math.Max(scalar.Start.Offset, Math.Min(j, end - 1));
                }

                break;
            }

            map[i] = k;
            j = k + 1;
            if (Text[k] == '\n' && indent > 0)
            {
                j = SkipIndent(j, end, indent);
            }
        }

        map[value.Length] = Math.Max(scalar.Start.Offset, Math.Min(j, end));
        return map;
    }

    private int ContentIndent(int from, int end)
    {
        var i = from;
        while (i < end)
        {
            var lineStart = i;
            while (i < end && Text[i] == ' ')
            {
                i++;
            }

            if (i < end && Text[i] is not '\n' and not '\r')
            {
                return i - lineStart;
            }

            while (i < end && Text[i] != '\n')
            {
                i++;
            }

            i++;
        }

        return 0;
    }

    private int SkipIndent(int j, int end, int indent)
    {
        var skipped = 0;
        while (j < end && skipped < indent && Text[j] == ' ')
        {
            j++;
            skipped++;
        }

        return j;
    }
}
