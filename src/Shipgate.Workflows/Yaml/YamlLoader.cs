using Shipgate.Core;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using CoreScalarStyle = YamlDotNet.Core.ScalarStyle;

namespace Shipgate.Workflows.Yaml;

/// <summary>
/// Loads the first document of a YAML text into <see cref="YamlNode"/>s with exact positions, using
/// YamlDotNet's event parser. Untrusted input is bounded: text size, nesting depth and the size of the
/// tree once aliases are expanded (alias bombs). Every failure is an <see cref="InputFormatException"/>
/// with a line and column. Stateless and thread-safe.
/// </summary>
public static class YamlLoader
{
    /// <summary>Largest text accepted, in UTF-16 characters (about 8 MB).</summary>
    public const int MaxLength = 8 * 1024 * 1024;

    /// <summary>Deepest nesting of mappings and sequences accepted.</summary>
    public const int MaxDepth = 128;

    /// <summary>Most nodes the document may expand to once every alias is followed.</summary>
    public const long MaxExpandedNodes = 1_000_000;

    /// <summary>Parses <paramref name="text"/>; returns null for an empty document.</summary>
    public static YamlNode? Load(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxLength)
        {
            throw new InputFormatException($"file is too large to parse as YAML ({text.Length} characters; limit {MaxLength})", 1, 1);
        }

        try
        {
            var parser = new Parser(new StringReader(text));
            var state = new LoadState(parser);
            parser.MoveNext();
            state.Expect<StreamStart>();
            if (parser.Current is StreamEnd)
            {
                return null;
            }

            state.Expect<DocumentStart>();
            if (parser.Current is DocumentEnd)
            {
                return null;
            }

            return state.ReadNode(0);
        }
        catch (YamlException ex)
        {
            throw new InputFormatException("invalid YAML: " + Clean(ex.Message), (int)ex.Start.Line, (int)ex.Start.Column);
        }
    }

    private static string Clean(string message)
    {
        // YamlDotNet prefixes messages with "(Line: 3, Col: 5, Idx: 20) - (Line: ...): ".
        var cut = message.IndexOf("): ", StringComparison.Ordinal);
        return cut >= 0 && message.StartsWith('(') ? message[(cut + 3)..] : message;
    }

    internal static Mark ToMark(YamlDotNet.Core.Mark mark) => new((int)mark.Index, (int)mark.Line, (int)mark.Column);

    private sealed class LoadState(IParser parser)
    {
        private readonly Dictionary<string, YamlNode> anchors = new(StringComparer.Ordinal);
        private long total;

        public void Expect<T>()
            where T : ParsingEvent
        {
            if (parser.Current is not T)
            {
                var at = parser.Current?.Start ?? YamlDotNet.Core.Mark.Empty;
                throw new InputFormatException($"invalid YAML: expected {typeof(T).Name}", (int)at.Line, (int)at.Column);
            }

            parser.MoveNext();
        }

        public YamlNode ReadNode(int depth)
        {
            var current = parser.Current ?? throw new InputFormatException("invalid YAML: unexpected end of input", 1, 1);
            if (depth > MaxDepth)
            {
                throw new InputFormatException($"YAML nesting is deeper than {MaxDepth} levels", (int)current.Start.Line, (int)current.Start.Column);
            }

            YamlNode node;
            switch (current)
            {
                case AnchorAlias alias:
                    if (!anchors.TryGetValue(alias.Value.Value, out var target))
                    {
                        throw new InputFormatException($"invalid YAML: unknown alias '*{alias.Value.Value}'", (int)alias.Start.Line, (int)alias.Start.Column);
                    }

                    Count(target.Weight, alias);
                    parser.MoveNext();
                    return target;

                case Scalar scalar:
                    node = new YamlScalar(ToMark(scalar.Start), ToMark(scalar.End), AnchorOf(scalar.Anchor), scalar.Value, StyleOf(scalar.Style), scalar.Tag.IsEmpty ? null : scalar.Tag.Value);
                    Count(1, scalar);
                    parser.MoveNext();
                    break;

                case SequenceStart start:
                    {
                        parser.MoveNext();
                        var items = new List<YamlNode>();
                        var starts = new List<Mark>();
                        long weight = 1;
                        while (parser.Current is not SequenceEnd)
                        {
                            starts.Add(ToMark(parser.Current!.Start));
                            var item = ReadNode(depth + 1);
                            weight += item.Weight;
                            items.Add(item);
                        }

                        var end = parser.Current;
                        parser.MoveNext();
                        Count(1, start);
                        node = new YamlSequence(ToMark(start.Start), ToMark(end.End), AnchorOf(start.Anchor), items, starts, start.Style == SequenceStyle.Flow) { Weight = weight };
                        break;
                    }

                case MappingStart start:
                    {
                        parser.MoveNext();
                        var entries = new List<YamlEntry>();
                        long weight = 1;
                        while (parser.Current is not MappingEnd)
                        {
                            var keyEvent = parser.Current;
                            var key = ReadNode(depth + 1);
                            if (key is not YamlScalar scalarKey)
                            {
                                throw new InputFormatException("unsupported YAML: mapping keys must be scalars", (int)keyEvent!.Start.Line, (int)keyEvent.Start.Column);
                            }

                            var value = ReadNode(depth + 1);
                            weight += key.Weight + value.Weight;
                            entries.Add(new YamlEntry(scalarKey, value));
                        }

                        var end = parser.Current;
                        parser.MoveNext();
                        Count(1, start);
                        node = new YamlMapping(ToMark(start.Start), ToMark(end.End), AnchorOf(start.Anchor), entries, start.Style == MappingStyle.Flow) { Weight = weight };
                        break;
                    }

                default:
                    throw new InputFormatException($"invalid YAML: unexpected {current.GetType().Name}", (int)current.Start.Line, (int)current.Start.Column);
            }

            if (node.Anchor is { } name)
            {
                anchors[name] = node;
            }

            return node;
        }

        private void Count(long weight, ParsingEvent at)
        {
            total += weight;
            if (total > MaxExpandedNodes)
            {
                throw new InputFormatException(
                    $"YAML expands to more than {MaxExpandedNodes} nodes through aliases (alias bomb?)", (int)at.Start.Line, (int)at.Start.Column);
            }
        }

        private static string? AnchorOf(AnchorName anchor) => anchor.IsEmpty ? null : anchor.Value;

        private static ScalarStyle StyleOf(CoreScalarStyle style) => style switch
        {
            CoreScalarStyle.SingleQuoted => ScalarStyle.SingleQuoted,
            CoreScalarStyle.DoubleQuoted => ScalarStyle.DoubleQuoted,
            CoreScalarStyle.Literal => ScalarStyle.Literal,
            CoreScalarStyle.Folded => ScalarStyle.Folded,
            _ => ScalarStyle.Plain,
        };
    }
}
