using System.Globalization;
using Shipgate.Core;
using Shipgate.Iac.Iam;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Shipgate.Iac.CloudFormation;

/// <summary>
/// Reads CloudFormation YAML straight from YamlDotNet's parser events into positioned values. Intrinsic-function tags
/// (<c>!Ref</c>, <c>!Sub</c>, <c>!GetAtt</c>, <c>!Join</c>, …) become <see cref="UnknownNode"/>s holding their source
/// form, as do the JSON forms (<c>{"Ref": …}</c>, <c>{"Fn::Sub": …}</c>). Plain scalars are typed the YAML 1.1
/// way CloudFormation uses (true/false/numbers/null). Aliases reuse the anchored node (no expansion), nesting is
/// capped at <see cref="MaxDepth"/> and node count at <see cref="MaxNodes"/>. Errors are
/// <see cref="InputFormatException"/>s with line and column. Stateless API.
/// </summary>
internal static class TemplateYaml
{
    public const int MaxDepth = 128;
    public const int MaxNodes = 1_000_000;

    public static ValueNode Parse(string text)
    {
        State? state = null;
        try
        {
            var parser = new Parser(new StringReader(text));
            parser.Consume<StreamStart>();
            if (!parser.Accept<DocumentStart>(out _))
            {
                return new MapNode([], 1, 1);
            }

            parser.Consume<DocumentStart>();
            state = new State(parser);
            return state.Read(0);
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner gives up this way on some malformed plain scalars; report where reading stopped.
            var (line, column) = state?.LastPosition ?? (1, 1);
            throw new InputFormatException("invalid YAML: malformed content after this point", line, column);
        }
        catch (YamlException error)
        {
            var message = error.Message;
            var dash = message.IndexOf("): ", StringComparison.Ordinal);
            message = dash >= 0 ? message[(dash + 3)..] : message;
            throw new InputFormatException("invalid YAML: " + message, (int)error.Start.Line, (int)error.Start.Column);
        }
    }

    /// <summary>Replaces JSON-form intrinsics (<c>{"Ref": "X"}</c>, <c>{"Fn::GetAtt": […]}</c>) by unknown values, recursively.</summary>
    public static ValueNode LowerIntrinsics(ValueNode node) => node switch
    {
        MapNode { Entries: [var only] } map when only.Key == "Ref" || only.Key.StartsWith("Fn::", StringComparison.Ordinal)
            => new UnknownNode(only.Key + " " + Describe(only.Value), map.Line, map.Column),
        MapNode map => new MapNode([.. map.Entries.Select(e => e with { Value = LowerIntrinsics(e.Value) })], map.Line, map.Column),
        ListNode list => new ListNode([.. list.Items.Select(LowerIntrinsics)], list.Line, list.Column),
        _ => node,
    };

    private static string Describe(ValueNode node) => node switch
    {
        ScalarNode scalar => scalar.Text,
        UnknownNode unknown => unknown.Description,
        ListNode list => "[" + string.Join(", ", list.Items.Take(4).Select(Describe)) + "]",
        MapNode => "{…}",
        _ => "",
    };

    private sealed class State(IParser parser)
    {
        private readonly Dictionary<string, ValueNode> anchors = new(StringComparer.Ordinal);
        private int nodes;

        public (int Line, int Column) LastPosition { get; private set; } = (1, 1);

        public ValueNode Read(int depth)
        {
            var current = parser.Current ?? throw new InputFormatException("invalid YAML: unexpected end of input", 1, 1);
            var (line, column) = ((int)current.Start.Line, (int)current.Start.Column);
            LastPosition = (line, column);
            if (depth > MaxDepth)
            {
                throw new InputFormatException($"YAML nesting is deeper than {MaxDepth} levels", line, column);
            }

            if (++nodes > MaxNodes)
            {
                throw new InputFormatException($"the template has more than {MaxNodes} YAML nodes", line, column);
            }

            ValueNode node;
            string? anchor = null;
            string? tag = null;
            switch (current)
            {
                case AnchorAlias alias:
                    parser.MoveNext();
                    return anchors.TryGetValue(alias.Value.Value, out var target)
                        ? target
                        : throw new InputFormatException($"invalid YAML: unknown alias '*{alias.Value.Value}'", line, column);
                case Scalar scalar:
                    parser.MoveNext();
                    anchor = scalar.Anchor.IsEmpty ? null : scalar.Anchor.Value;
                    tag = scalar.Tag.IsEmpty ? null : scalar.Tag.Value;
                    node = IsIntrinsic(tag)
                        ? new UnknownNode(ShortTag(tag!) + " " + scalar.Value, line, column)
                        : TypeScalar(scalar, line, column);
                    break;
                case SequenceStart start:
                    {
                        parser.MoveNext();
                        anchor = start.Anchor.IsEmpty ? null : start.Anchor.Value;
                        tag = start.Tag.IsEmpty ? null : start.Tag.Value;
                        var items = new List<ValueNode>();
                        while (!parser.TryConsume<SequenceEnd>(out _))
                        {
                            items.Add(Read(depth + 1));
                        }

                        node = new ListNode(items, line, column);
                        break;
                    }

                case MappingStart start:
                    {
                        parser.MoveNext();
                        anchor = start.Anchor.IsEmpty ? null : start.Anchor.Value;
                        tag = start.Tag.IsEmpty ? null : start.Tag.Value;
                        var entries = new List<MapEntry>();
                        while (!parser.TryConsume<MappingEnd>(out _))
                        {
                            var keyEvent = parser.Current;
                            var key = Read(depth + 1);
                            var keyText = key switch
                            {
                                ScalarNode s => s.Text,
                                UnknownNode u => u.Description,
                                _ => throw new InputFormatException("unsupported YAML: mapping keys must be scalars", (int)keyEvent!.Start.Line, (int)keyEvent.Start.Column),
                            };
                            entries.Add(new MapEntry(keyText, key.Line, key.Column, Read(depth + 1)));
                        }

                        node = new MapNode(entries, line, column);
                        break;
                    }

                default:
                    throw new InputFormatException($"invalid YAML: unexpected {current.GetType().Name}", line, column);
            }

            if (node is not UnknownNode && IsIntrinsic(tag))
            {
                node = new UnknownNode(ShortTag(tag!) + " …", line, column);
            }

            if (anchor is not null)
            {
                anchors[anchor] = node;
            }

            return node;
        }

        private static bool IsIntrinsic(string? tag) => tag is not null && tag.StartsWith('!') && !tag.StartsWith("!!", StringComparison.Ordinal)
            && !tag.StartsWith("tag:yaml.org", StringComparison.Ordinal);

        private static string ShortTag(string tag) => tag;

        private static ScalarNode TypeScalar(Scalar scalar, int line, int column)
        {
            var value = scalar.Value;
            if (scalar.Style is not ScalarStyle.Plain)
            {
                return new ScalarNode(value, ScalarKind.String, line, column);
            }

            if (value is "true" or "True" or "TRUE" or "false" or "False" or "FALSE")
            {
                return new ScalarNode(value.ToLowerInvariant(), ScalarKind.Boolean, line, column);
            }

            if (value is "" or "~" or "null" or "Null" or "NULL")
            {
                return new ScalarNode("null", ScalarKind.Null, line, column);
            }

            return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _) && !value.StartsWith('.')
                ? new ScalarNode(value, ScalarKind.Number, line, column)
                : new ScalarNode(value, ScalarKind.String, line, column);
        }
    }
}
