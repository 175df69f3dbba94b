using Shipgate.Core;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Shipgate.Dependencies.Yaml;

/// <summary>
/// Parses the first YAML document into <see cref="YamlNode"/>s without recursion, with a nesting cap of
/// <see cref="MaxDepth"/> and a node budget of <see cref="MaxNodes"/>. Aliases point at the anchored node, so an
/// alias bomb costs nothing; callers never walk the tree recursively.
/// </summary>
internal static class PositionedYaml
{
    public const int MaxDepth = 64;

    public const int MaxNodes = 5_000_000;

    /// <summary>The root node, or null for a document with no content (empty or only comments).</summary>
    public static YamlNode? Parse(string content)
    {
        var parser = new Parser(new StringReader(content));
        var anchors = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        var stack = new Stack<Frame>();
        YamlNode? root = null;
        var nodes = 0;
        int? lastLine = null;
        try
        {
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                var line = (int)current.Start.Line;
                lastLine = line;
                YamlNode? completed = null;
                string? anchor = null;
                switch (current)
                {
                    case DocumentEnd when root is not null || stack.Count > 0:
                        return root;
                    case Scalar scalar:
                        completed = YamlNode.Scalar(line, scalar.Value, scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted);
                        anchor = scalar.Anchor.IsEmpty ? null : scalar.Anchor.Value;
                        break;
                    case AnchorAlias alias:
                        completed = anchors.GetValueOrDefault(alias.Value.Value)
                            ?? throw new InputFormatException($"Invalid YAML: alias '*{alias.Value.Value}' names no anchor.", line, (int)current.Start.Column);
                        break;
                    case MappingStart mapping:
                        Push(stack, new Frame(line, mapping.Anchor.IsEmpty ? null : mapping.Anchor.Value, [], null), current);
                        continue;
                    case SequenceStart sequence:
                        Push(stack, new Frame(line, sequence.Anchor.IsEmpty ? null : sequence.Anchor.Value, null, []), current);
                        continue;
                    case MappingEnd or SequenceEnd:
                        var frame = stack.Pop();
                        completed = frame.Members is not null ? YamlNode.Mapping(frame.Line, frame.Members) : YamlNode.Sequence(frame.Line, frame.Items!);
                        anchor = frame.Anchor;
                        break;
                    default:
                        continue;
                }

                if (++nodes > MaxNodes)
                {
                    throw new InputFormatException($"The YAML document has more than {MaxNodes} nodes.", line);
                }

                if (anchor is not null)
                {
                    anchors[anchor] = completed;
                }

                if (stack.Count == 0)
                {
                    root = completed;
                }
                else
                {
                    stack.Peek().Add(completed);
                }
            }

            return root;
        }
        catch (YamlException ex)
        {
            var message = ex.InnerException?.Message ?? ex.Message;
            var cut = message.IndexOf("): ", StringComparison.Ordinal);
            message = cut >= 0 && message.StartsWith('(') ? message[(cut + 3)..] : message;
            throw new InputFormatException($"Invalid YAML: {message.TrimEnd('.')}.", (int)ex.Start.Line, (int)ex.Start.Column);
        }
        catch (InvalidOperationException ex)
        {
            // YamlDotNet's scanner throws this on some malformed input (for example a NUL inside a plain scalar).
            throw new InputFormatException($"Invalid YAML: the scanner stopped ({ex.Message.TrimEnd('.')}).", lastLine);
        }
    }

    private static void Push(Stack<Frame> stack, Frame frame, ParsingEvent current)
    {
        if (stack.Count >= MaxDepth)
        {
            throw new InputFormatException($"The YAML document is nested more than {MaxDepth} levels deep.", (int)current.Start.Line, (int)current.Start.Column);
        }

        stack.Push(frame);
    }

    private sealed class Frame(int line, string? anchor, List<KeyValuePair<YamlNode, YamlNode>>? members, List<YamlNode>? items)
    {
        private YamlNode? pendingKey;

        public int Line { get; } = line;

        public string? Anchor { get; } = anchor;

        public List<KeyValuePair<YamlNode, YamlNode>>? Members { get; } = members;

        public List<YamlNode>? Items { get; } = items;

        public void Add(YamlNode node)
        {
            if (Items is not null)
            {
                Items.Add(node);
            }
            else if (pendingKey is null)
            {
                pendingKey = node;
            }
            else
            {
                Members!.Add(new(pendingKey, node));
                pendingKey = null;
            }
        }
    }
}
