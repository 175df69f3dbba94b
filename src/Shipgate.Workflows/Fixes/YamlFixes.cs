using Shipgate.Core;
using Shipgate.Workflows.Yaml;
using Shipgate.Yaml;

namespace Shipgate.Workflows.Fixes;

/// <summary>
/// Surgical text edits on YAML sources: add an entry or a nested block to a block mapping, replace a span.
/// Edits keep the file's indentation and touch nothing else. Flow mappings are not edited (null). Stateless.
/// </summary>
public static class YamlFixes
{
    /// <summary>Adds <c>key: value</c> as the last entry of a block mapping, at the indentation of its keys.</summary>
    public static TextEdit? AddEntry(SourceText source, YamlMapping map, string key, string value)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(map);
        return AddLines(source, map, [$"{key}: {value}"]);
    }

    /// <summary>Adds a nested block (<c>key:</c> then <c>  child: value</c>) as the last entry of a block mapping.</summary>
    public static TextEdit? AddBlock(SourceText source, YamlMapping map, string key, string childKey, string childValue)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(map);
        return AddLines(source, map, [$"{key}:", $"  {childKey}: {childValue}"]);
    }

    /// <summary>
    /// Inserts lines (relative indentation preserved) just above an entry of a block mapping, at its key's
    /// indentation; null when the key does not start its line.
    /// </summary>
    public static TextEdit? InsertBefore(SourceText source, YamlEntry entry, IReadOnlyList<string> lines)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(lines);
        var lineStart = source.Lines.OffsetOf(entry.Key.Start.Line);
        var column = entry.Key.Start.Column - 1;
        if (lineStart + column > source.Text.Length || source.Text.AsSpan(lineStart, column).ContainsAnyExcept(' '))
        {
            return null;
        }

        var indent = new string(' ', column);
        var newline = source.Text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        return new TextEdit(lineStart, 0, string.Concat(lines.Select(l => indent + l + newline)));
    }

    private static TextEdit? AddLines(SourceText source, YamlMapping map, string[] lines)
    {
        if (map.IsFlow || map.Count == 0)
        {
            return null;
        }

        var indent = new string(' ', map.Entries[0].Key.Start.Column - 1);
        var last = map.Entries[^1].Value;
        var lastChar = Math.Max(last.Start.Offset, TrimEnd(source.Text, last.End.Offset) - 1);
        var (lastLine, _) = source.Lines.PositionOf(lastChar);
        var newline = source.Text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var text = string.Concat(lines.Select(l => indent + l + newline));
        if (lastLine >= source.Lines.LineCount || source.Lines.OffsetOf(lastLine + 1) <= lastChar)
        {
            return new TextEdit(source.Text.Length, 0, (source.Text.EndsWith('\n') ? "" : newline) + text);
        }

        return new TextEdit(source.Lines.OffsetOf(lastLine + 1), 0, text);
    }

    private static int TrimEnd(string text, int end)
    {
        end = Math.Min(end, text.Length);
        while (end > 0 && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return end;
    }
}
