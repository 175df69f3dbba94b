using System.Text;

namespace Shipgate.Reporting.Internal;

/// <summary>
/// Escaping for GitHub-flavoured Markdown. Messages and paths come from scanned files, so they must never
/// turn into markup, links, mentions, math or HTML in a pull request comment.
/// </summary>
internal static class MarkdownText
{
    // Characters with a meaning anywhere in a line. '@' stops @mentions, '$' stops math, '|' breaks tables.
    private const string Special = "\\`*_{}[]<>#|~!@$&";

    /// <summary>Escapes text for a paragraph or a table cell; line breaks become spaces.</summary>
    public static string Escape(string text)
    {
        var line = DisplayText.SingleLine(text);
        var builder = new StringBuilder(line.Length + 16);
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (Special.Contains(c, StringComparison.Ordinal) || (i == 0 && c is '-' or '+' or '='))
            {
                builder.Append('\\');
            }
            else if (c is '.' or ')' && i > 0 && IsOrderedListMarker(line, i))
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>
    /// An inline code span that holds any text: the delimiter is one backtick longer than the longest run
    /// inside it. In a table cell, pipes are escaped too (GitHub splits cells before parsing code).
    /// </summary>
    public static string Code(string text, bool inTable = false)
    {
        var content = DisplayText.SingleLine(text);
        if (inTable)
        {
            content = content.Replace("|", "\\|", StringComparison.Ordinal);
        }

        var delimiter = new string('`', LongestRun(content, '`') + 1);
        var pad = content.StartsWith('`') || content.EndsWith('`') || content.Length == 0 ? " " : "";
        return delimiter + pad + content + pad + delimiter;
    }

    /// <summary>A fenced code block whose fence is longer than any run of backticks in the code.</summary>
    public static string Fence(string code)
    {
        var content = DisplayText.Multiline(code).TrimEnd('\n');
        var fence = new string('`', Math.Max(3, LongestRun(content, '`') + 1));
        return fence + "\n" + content + "\n" + fence;
    }

    private static bool IsOrderedListMarker(string line, int index)
    {
        for (var i = 0; i < index; i++)
        {
            if (!char.IsAsciiDigit(line[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static int LongestRun(string text, char c)
    {
        int longest = 0, current = 0;
        foreach (var ch in text)
        {
            current = ch == c ? current + 1 : 0;
            longest = Math.Max(longest, current);
        }

        return longest;
    }
}
