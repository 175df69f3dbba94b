using Shipgate.Core;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using CoreScalarStyle = YamlDotNet.Core.ScalarStyle;

namespace Shipgate.Iac.Yaml;

/// <summary>
/// Loads every document of a YAML stream (<c>---</c>-separated; JSON is a subset) into <see cref="YamlNode"/>s with
/// exact positions, using YamlDotNet's event parser. Untrusted input is bounded: text size, nesting depth, number of
/// documents and the size of the tree once aliases are expanded (alias bombs; counted over the whole stream). Every
/// failure is an <see cref="InputFormatException"/> with a line and column. Stateless and thread-safe.
/// </summary>
public static class YamlStreamLoader
{
    /// <summary>Largest text accepted, in UTF-16 characters (16 Mi).</summary>
    public const int MaxLength = 16 * 1024 * 1024;

    /// <summary>Deepest nesting of mappings and sequences accepted.</summary>
    public const int MaxDepth = 128;

    /// <summary>Most documents one stream may hold.</summary>
    public const int MaxDocuments = 20_000;

    /// <summary>Most nodes the stream may expand to once every alias is followed.</summary>
    public const long MaxExpandedNodes = 2_000_000;

    /// <summary>Parses every document of <paramref name="text"/>, in order.</summary>
    public static IReadOnlyList<YamlDocument> Load(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxLength)
        {
            throw new InputFormatException($"file is too large to parse as YAML ({text.Length} characters; limit {MaxLength})", 1, 1);
        }

        var documents = new List<YamlDocument>();
        try
        {
            var parser = new Parser(new StringReader(text));
            var state = new LoadState(parser);
            parser.MoveNext();
            state.Expect<StreamStart>();
            while (parser.Current is DocumentStart start)
            {
                if (documents.Count >= MaxDocuments)
                {
                    throw new InputFormatException($"YAML stream holds more than {MaxDocuments} documents", (int)start.Start.Line, (int)start.Start.Column);
                }

                parser.MoveNext();
                var root = parser.Current is DocumentEnd ? null : state.ReadNode(0);
                state.Expect<DocumentEnd>();
                state.ResetAnchors();
                documents.Add(new YamlDocument(documents.Count, ToMark(start.Start), root is YamlScalar { IsNull: true } ? null : root));
            }

            state.Expect<StreamEnd>();
            return documents;
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

    private static Mark ToMark(YamlDotNet.Core.Mark mark) => new((int)mark.Index, (int)mark.Line, (int)mark.Column);

    private sealed class LoadState(IParser parser)
    {
        private readonly Dictionary<string, YamlNode> anchors = new(StringComparer.Ordinal);
        private long total;

        public void ResetAnchors() => anchors.Clear();

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
                    node = new YamlScalar(ToMark(scalar.Start), ToMark(scalar.End), AnchorOf(scalar.Anchor), TagOf(scalar.Tag), scalar.Value, StyleOf(scalar.Style));
                    Count(1, scalar);
                    parser.MoveNext();
                    break;

                case SequenceStart start:
                    {
                        parser.MoveNext();
                        var items = new List<YamlNode>();
                        long weight = 1;
                        while (parser.Current is not SequenceEnd)
                        {
                            var item = ReadNode(depth + 1);
                            weight += item.Weight;
                            items.Add(item);
                        }

                        var end = parser.Current;
                        parser.MoveNext();
                        Count(1, start);
                        node = new YamlSequence(ToMark(start.Start), ToMark(end.End), AnchorOf(start.Anchor), TagOf(start.Tag), items, start.Style == SequenceStyle.Flow) { Weight = weight };
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
                            if (scalarKey.Value == "<<" && scalarKey.Style == ScalarStyle.Plain)
                            {
                                Merge(entries, value);
                            }
                            else
                            {
                                entries.Add(new YamlEntry(scalarKey, value));
                            }
                        }

                        var end = parser.Current;
                        parser.MoveNext();
                        Count(1, start);
                        node = new YamlMapping(ToMark(start.Start), ToMark(end.End), AnchorOf(start.Anchor), TagOf(start.Tag), entries, start.Style == MappingStyle.Flow) { Weight = weight };
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

        // YAML 1.1 merge keys ("<<: *base"): the merged entries come first, so explicit keys written later win.
        private static void Merge(List<YamlEntry> entries, YamlNode value)
        {
            var sources = value is YamlSequence sequence ? sequence.Items : [value];
            var merged = new List<YamlEntry>();
            foreach (var source in sources)
            {
                if (source is YamlMapping mapping)
                {
                    merged.AddRange(mapping.Entries);
                }
            }

            entries.InsertRange(0, merged);
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

        private static string? TagOf(TagName tag) => tag.IsEmpty || tag.IsNonSpecific ? null : tag.Value;

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
