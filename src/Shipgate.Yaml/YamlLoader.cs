using Shipgate.Core;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using CoreScalarStyle = YamlDotNet.Core.ScalarStyle;

namespace Shipgate.Yaml;

/// <summary>
/// Bounds and dialect of one load. Untrusted input is bounded by text size, nesting depth, number of documents and
/// the size of the tree once aliases are expanded (alias bombs; counted over the whole stream).
/// </summary>
public sealed record YamlLoadOptions
{
    /// <summary>Workflow files: one document, 8 Mi characters, no merge keys (GitHub and GitLab do not apply them alike).</summary>
    public static YamlLoadOptions Workflow { get; } = new() { MaxLength = 8 * 1024 * 1024, MaxExpandedNodes = 1_000_000, MergeKeys = false };

    /// <summary>Manifests and templates: <c>---</c>-separated streams, 16 Mi characters, YAML 1.1 merge keys applied.</summary>
    public static YamlLoadOptions Manifest { get; } = new();

    /// <summary>Largest text accepted, in UTF-16 characters.</summary>
    public int MaxLength { get; init; } = 16 * 1024 * 1024;

    /// <summary>Deepest nesting of mappings and sequences accepted.</summary>
    public int MaxDepth { get; init; } = 128;

    /// <summary>Most documents one stream may hold.</summary>
    public int MaxDocuments { get; init; } = 20_000;

    /// <summary>Most nodes the stream may expand to once every alias is followed.</summary>
    public long MaxExpandedNodes { get; init; } = 2_000_000;

    /// <summary>Whether <c>&lt;&lt;: *base</c> merges the entries of <c>base</c> (explicit keys win).</summary>
    public bool MergeKeys { get; init; } = true;
}

/// <summary>The documents of a stream that parsed, and one error per document that did not.</summary>
public sealed record YamlLoadResult(IReadOnlyList<YamlDocument> Documents, IReadOnlyList<InputFormatException> Errors);

/// <summary>
/// Loads YAML (JSON is a subset) into <see cref="YamlNode"/>s with exact positions, using YamlDotNet's event parser.
/// Failures are <see cref="InputFormatException"/>s with a line and column. Stateless and thread-safe.
/// </summary>
public static class YamlLoader
{
    /// <summary>
    /// Parses the first document of <paramref name="text"/> (what a workflow file holds); null for an empty one.
    /// Throws <see cref="InputFormatException"/> on malformed input.
    /// </summary>
    public static YamlNode? Load(string text, YamlLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        options ??= YamlLoadOptions.Workflow;
        CheckLength(text, options);
        return Guarded(() =>
        {
            var state = new LoadState(new Parser(new StringReader(text)), options, Origin.Start);
            state.Expect<StreamStart>();
            if (state.Current is StreamEnd)
            {
                return null;
            }

            state.Expect<DocumentStart>();
            return state.Current is DocumentEnd ? null : state.ReadNode(0);
        });
    }

    /// <summary>Parses every document of <paramref name="text"/>, in order; throws at the first malformed one.</summary>
    public static IReadOnlyList<YamlDocument> LoadAll(string text, YamlLoadOptions? options = null)
    {
        var stream = LoadStream(text, options, recover: false);
        return stream.Errors.Count > 0 ? throw stream.Errors[0] : stream.Documents;
    }

    /// <summary>
    /// Parses every document of <paramref name="text"/>. A malformed document costs only itself: its error is kept and
    /// parsing resumes at the next document marker (<c>---</c> or <c>...</c> at the start of a line), so one broken
    /// resource in a multi-document manifest does not hide the others. Limits on the whole stream (size, documents,
    /// alias expansion) stop the load.
    /// </summary>
    public static YamlLoadResult LoadStream(string text, YamlLoadOptions? options = null) => LoadStream(text, options, recover: true);

    private static YamlLoadResult LoadStream(string text, YamlLoadOptions? options, bool recover)
    {
        ArgumentNullException.ThrowIfNull(text);
        options ??= YamlLoadOptions.Manifest;
        CheckLength(text, options);
        var documents = new List<YamlDocument>();
        var errors = new List<InputFormatException>();
        var budget = new Budget();
        var origin = Origin.Start;
        while (true)
        {
            var documentStart = new Mark(origin.Offset, origin.Line, 1);
            try
            {
                var state = new LoadState(new Parser(new StringReader(origin.Offset == 0 ? text : text[origin.Offset..])), options, origin, budget);
                state.Expect<StreamStart>();
                while (state.Current is DocumentStart start)
                {
                    documentStart = state.ToMark(start.Start);
                    if (documents.Count >= options.MaxDocuments)
                    {
                        throw new LimitException($"YAML stream holds more than {options.MaxDocuments} documents", documentStart);
                    }

                    state.MoveNext();
                    var root = state.Current is DocumentEnd ? null : state.ReadNode(0);
                    state.Expect<DocumentEnd>();
                    state.ResetAnchors();
                    documents.Add(new YamlDocument(documents.Count, documentStart, root is YamlScalar { IsNull: true } ? null : root));
                }

                state.Expect<StreamEnd>();
                return new YamlLoadResult(documents, errors);
            }
            catch (LimitException ex)
            {
                errors.Add(ex.Error);
                return new YamlLoadResult(documents, errors);
            }
            catch (Exception ex) when (ex is YamlException or InputFormatException)
            {
                errors.Add(ex as InputFormatException ?? Translate((YamlException)ex, origin));
                var next = recover ? NextDocumentMarker(text, Math.Max(documentStart.Offset, origin.Offset)) : -1;
                if (next < 0)
                {
                    return new YamlLoadResult(documents, errors);
                }

                origin = new Origin(next, LineOf(text, next, origin));
            }
        }
    }

    private static void CheckLength(string text, YamlLoadOptions options)
    {
        if (text.Length > options.MaxLength)
        {
            throw new InputFormatException($"file is too large to parse as YAML ({text.Length} characters; limit {options.MaxLength})", 1, 1);
        }
    }

    private static T Guarded<T>(Func<T> load)
    {
        try
        {
            return load();
        }
        catch (YamlException ex)
        {
            throw Translate(ex, Origin.Start);
        }
        catch (LimitException ex)
        {
            throw ex.Error;
        }
    }

    private static InputFormatException Translate(YamlException ex, Origin origin) =>
        new("invalid YAML: " + Clean(ex.Message), (int)ex.Start.Line + origin.Line - 1, (int)ex.Start.Column);

    private static string Clean(string message)
    {
        // YamlDotNet prefixes messages with "(Line: 3, Col: 5, Idx: 20) - (Line: ...): ".
        var cut = message.IndexOf("): ", StringComparison.Ordinal);
        return cut >= 0 && message.StartsWith('(') ? message[(cut + 3)..] : message;
    }

    // The offset of the first line after the one holding `from` that starts with a document marker, or -1.
    private static int NextDocumentMarker(string text, int from)
    {
        var line = text.IndexOf('\n', Math.Min(from, text.Length));
        while (line >= 0 && line + 1 < text.Length)
        {
            var start = line + 1;
            if (IsMarker(text, start, "---") || IsMarker(text, start, "..."))
            {
                return start;
            }

            line = text.IndexOf('\n', start);
        }

        return -1;
    }

    private static bool IsMarker(string text, int at, string marker) =>
        string.CompareOrdinal(text, at, marker, 0, 3) == 0 && (at + 3 == text.Length || text[at + 3] is ' ' or '\t' or '\r' or '\n');

    private static int LineOf(string text, int offset, Origin known)
    {
        var line = known.Line;
        for (var i = known.Offset; i < offset; i++)
        {
            if (text[i] == '\n')
            {
                line++;
            }
        }

        return line;
    }

    // Where a resumed parse starts in the whole text: offsets and lines of its marks are shifted by this.
    private readonly record struct Origin(int Offset, int Line)
    {
        public static Origin Start => new(0, 1);
    }

    private sealed class Budget
    {
        public long Expanded { get; set; }
    }

    private sealed class LimitException(string message, Mark at) : Exception(message)
    {
        public InputFormatException Error { get; } = new(message, at.Line, at.Column);
    }

    private sealed class LoadState
    {
        private readonly IParser parser;
        private readonly YamlLoadOptions options;
        private readonly Origin origin;
        private readonly Budget budget;
        private readonly Dictionary<string, YamlNode> anchors = new(StringComparer.Ordinal);

        public LoadState(IParser parser, YamlLoadOptions options, Origin origin, Budget? budget = null)
        {
            this.parser = parser;
            this.options = options;
            this.origin = origin;
            this.budget = budget ?? new Budget();
            parser.MoveNext();
        }

        public ParsingEvent? Current => parser.Current;

        public void MoveNext() => parser.MoveNext();

        public void ResetAnchors() => anchors.Clear();

        public Mark ToMark(YamlDotNet.Core.Mark mark) =>
            new((int)mark.Index + origin.Offset, (int)mark.Line + origin.Line - 1, (int)mark.Column);

        public void Expect<T>()
            where T : ParsingEvent
        {
            if (parser.Current is not T)
            {
                throw Error($"invalid YAML: expected {typeof(T).Name}", parser.Current?.Start ?? YamlDotNet.Core.Mark.Empty);
            }

            parser.MoveNext();
        }

        public YamlNode ReadNode(int depth)
        {
            var current = parser.Current ?? throw new InputFormatException("invalid YAML: unexpected end of input", origin.Line, 1);
            if (depth > options.MaxDepth)
            {
                throw Error($"YAML nesting is deeper than {options.MaxDepth} levels", current.Start);
            }

            YamlNode node;
            switch (current)
            {
                case AnchorAlias alias:
                    if (!anchors.TryGetValue(alias.Value.Value, out var target))
                    {
                        throw Error($"invalid YAML: unknown alias '*{alias.Value.Value}'", alias.Start);
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
                    node = ReadSequence(start, depth);
                    break;

                case MappingStart start:
                    node = ReadMapping(start, depth);
                    break;

                default:
                    throw Error($"invalid YAML: unexpected {current.GetType().Name}", current.Start);
            }

            if (node.Anchor is { } name)
            {
                anchors[name] = node;
            }

            return node;
        }

        private YamlSequence ReadSequence(SequenceStart start, int depth)
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
            return new YamlSequence(ToMark(start.Start), ToMark(end.End), AnchorOf(start.Anchor), TagOf(start.Tag), items, starts, start.Style == SequenceStyle.Flow) { Weight = weight };
        }

        private YamlMapping ReadMapping(MappingStart start, int depth)
        {
            parser.MoveNext();
            var entries = new List<YamlEntry>();
            long weight = 1;
            while (parser.Current is not MappingEnd)
            {
                var keyEvent = parser.Current!;
                var key = ReadNode(depth + 1);
                if (key is not YamlScalar scalarKey)
                {
                    throw Error("unsupported YAML: mapping keys must be scalars", keyEvent.Start);
                }

                var value = ReadNode(depth + 1);
                weight += key.Weight + value.Weight;
                if (options.MergeKeys && scalarKey.Value == "<<" && scalarKey.Style == ScalarStyle.Plain)
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
            return new YamlMapping(ToMark(start.Start), ToMark(end.End), AnchorOf(start.Anchor), TagOf(start.Tag), entries, start.Style == MappingStyle.Flow) { Weight = weight };
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
            budget.Expanded += weight;
            if (budget.Expanded > options.MaxExpandedNodes)
            {
                throw new LimitException($"YAML expands to more than {options.MaxExpandedNodes} nodes through aliases (alias bomb?)", ToMark(at.Start));
            }
        }

        private InputFormatException Error(string message, YamlDotNet.Core.Mark at) =>
            new(message, (int)at.Line + origin.Line - 1, (int)at.Column);

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
