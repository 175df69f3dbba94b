namespace Shipgate.Core;

/// <summary>
/// Maps UTF-16 offsets in a text to 1-based line and column numbers (and back) in O(log n).
/// Lines end at <c>\n</c>; a preceding <c>\r</c> belongs to the line. Immutable once built.
/// </summary>
public sealed class LineIndex
{
    private readonly int[] lineStarts;
    private readonly ReadOnlyMemory<char> text;

    public LineIndex(string text)
        : this(text.AsMemory())
    {
    }

    /// <summary>An index over text in a buffer, which must stay valid while the index is used.</summary>
    public LineIndex(ReadOnlyMemory<char> text)
    {
        this.text = text;
        var starts = new List<int> { 0 };
        var span = text.Span;
        var offset = 0;
        while (true)
        {
            var next = span[offset..].IndexOf('\n');
            if (next < 0)
            {
                break;
            }

            offset += next + 1;
            starts.Add(offset);
        }

        lineStarts = [.. starts];
    }

    public int LineCount => lineStarts.Length;

    /// <summary>1-based line and column of a 0-based offset.</summary>
    public (int Line, int Column) PositionOf(int offset)
    {
        offset = Math.Clamp(offset, 0, text.Length);
        var index = Array.BinarySearch(lineStarts, offset);
        if (index < 0)
        {
            index = ~index - 1;
        }

        return (index + 1, offset - lineStarts[index] + 1);
    }

    /// <summary>The text of a 1-based line without its line ending.</summary>
    public string LineText(int line)
    {
        if (line < 1 || line > lineStarts.Length)
        {
            return "";
        }

        var start = lineStarts[line - 1];
        var end = line < lineStarts.Length ? lineStarts[line] : text.Length;
        var span = text.Span[start..end].TrimEnd("\r\n");
        return span.ToString();
    }

    /// <summary>0-based offset of the start of a 1-based line.</summary>
    public int OffsetOf(int line) => lineStarts[Math.Clamp(line, 1, lineStarts.Length) - 1];

    /// <summary>A location spanning <paramref name="length"/> characters from <paramref name="offset"/>.</summary>
    public Location Span(string path, int offset, int length)
    {
        var (startLine, startColumn) = PositionOf(offset);
        var (endLine, endColumn) = PositionOf(offset + Math.Max(length, 1) - 1);
        return new Location(path, startLine, startColumn, endLine, endColumn);
    }
}
