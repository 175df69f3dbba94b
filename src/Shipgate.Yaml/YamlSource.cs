using Shipgate.Core;

namespace Shipgate.Yaml;

/// <summary>
/// The text of one YAML file with its line index: turns nodes into <see cref="Location"/>s. Immutable. Domains extend it
/// with what their rules need (Workflows' <c>SourceText</c> maps offsets inside scalar values and reads comments).
/// </summary>
public class YamlSource
{
    public YamlSource(string path, string text)
    {
        Path = path;
        Text = text;
        Lines = new LineIndex(text);
    }

    public string Path { get; }

    public string Text { get; }

    public LineIndex Lines { get; }

    /// <summary>The span of a node, from its first character to its last (trailing whitespace trimmed).</summary>
    public Location Of(YamlNode node) => Span(node.Start.Offset, node.End.Offset);

    /// <summary>A key/value pair, from the key to the end of the value.</summary>
    public Location Of(YamlEntry entry) => Span(entry.Key.Start.Offset, entry.Value.End.Offset);

    /// <summary>Only the first line of a node: for findings on a whole block, which would otherwise span many lines.</summary>
    public Location HeadOf(YamlNode node)
    {
        var start = Math.Clamp(node.Start.Offset, 0, Text.Length);
        var newline = Text.IndexOf('\n', start);
        var end = Math.Min(node.End.Offset, newline < 0 ? Text.Length : newline);
        return Span(start, Math.Max(end, start + 1));
    }

    /// <summary>The raw source of a node.</summary>
    public string RawOf(YamlNode node) => Text[Math.Clamp(node.Start.Offset, 0, Text.Length)..Math.Clamp(node.End.Offset, 0, Text.Length)];

    public Location Span(int startOffset, int endOffset)
    {
        startOffset = Math.Clamp(startOffset, 0, Math.Max(0, Text.Length - 1));
        endOffset = Math.Clamp(endOffset, startOffset, Text.Length);
        while (endOffset > startOffset + 1 && char.IsWhiteSpace(Text[endOffset - 1]))
        {
            endOffset--;
        }

        var (startLine, startColumn) = Lines.PositionOf(startOffset);
        var (endLine, endColumn) = Lines.PositionOf(Math.Max(startOffset, endOffset - 1));
        return new Location(Path, startLine, startColumn, endLine, endColumn);
    }
}
