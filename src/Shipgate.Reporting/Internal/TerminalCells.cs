using System.Globalization;
using System.Text;

namespace Shipgate.Reporting.Internal;

/// <summary>
/// Text measured in terminal cells rather than characters: wide East Asian characters and emoji take two
/// cells, combining marks none. Used to align carets under source text, cut long lines and wrap messages.
/// </summary>
internal static class TerminalCells
{
    public const int TabWidth = 4;

    public static string ExpandTabs(string text) =>
        text.Replace("\t", new string(' ', TabWidth), StringComparison.Ordinal);

    public static int Width(string text)
    {
        var width = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            width += Width(rune);
        }

        return width;
    }

    /// <summary>Cuts text to <paramref name="cells"/> cells, ending with '…' when it was longer.</summary>
    public static string Truncate(string text, int cells)
    {
        if (Width(text) <= cells)
        {
            return text;
        }

        var builder = new StringBuilder();
        var width = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var runeWidth = Width(rune);
            if (width + runeWidth > cells - 1)
            {
                break;
            }

            builder.Append(rune.ToString());
            width += runeWidth;
        }

        return builder.Append('…').ToString();
    }

    /// <summary>Greedy word wrap to lines of at most <paramref name="cells"/> cells; words longer than a line are split.</summary>
    public static IReadOnlyList<string> Wrap(string text, int cells)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        var lineWidth = 0;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var remaining = word;
            while (remaining.Length > 0)
            {
                var wordWidth = Width(remaining);
                var needed = lineWidth == 0 ? wordWidth : lineWidth + 1 + wordWidth;
                if (needed <= cells)
                {
                    if (lineWidth > 0)
                    {
                        line.Append(' ');
                    }

                    line.Append(remaining);
                    lineWidth = needed;
                    remaining = "";
                }
                else if (lineWidth > 0)
                {
                    lines.Add(line.ToString());
                    line.Clear();
                    lineWidth = 0;
                }
                else
                {
                    var head = Take(remaining, cells);
                    lines.Add(head);
                    remaining = remaining[head.Length..];
                }
            }
        }

        if (lineWidth > 0 || lines.Count == 0)
        {
            lines.Add(line.ToString());
        }

        return lines;
    }

    private static string Take(string text, int cells)
    {
        var width = 0;
        var length = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var runeWidth = Width(rune);
            if (width + runeWidth > cells && length > 0)
            {
                break;
            }

            width += runeWidth;
            length += rune.Utf16SequenceLength;
        }

        return text[..length];
    }

    private static int Width(Rune rune)
    {
        if (rune.Value == '\t')
        {
            return TabWidth;
        }

        var category = Rune.GetUnicodeCategory(rune);
        if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format)
        {
            return 0;
        }

        var v = rune.Value;
        var wide = v is (>= 0x1100 and <= 0x115F) or (>= 0x2E80 and <= 0x303E) or (>= 0x3041 and <= 0x33FF)
            or (>= 0x3400 and <= 0x4DBF) or (>= 0x4E00 and <= 0x9FFF) or (>= 0xA000 and <= 0xA4CF)
            or (>= 0xAC00 and <= 0xD7A3) or (>= 0xF900 and <= 0xFAFF) or (>= 0xFE30 and <= 0xFE4F)
            or (>= 0xFF00 and <= 0xFF60) or (>= 0xFFE0 and <= 0xFFE6) or (>= 0x1F300 and <= 0x1F64F)
            or (>= 0x1F900 and <= 0x1F9FF) or (>= 0x20000 and <= 0x3FFFD);
        return wide ? 2 : 1;
    }
}
