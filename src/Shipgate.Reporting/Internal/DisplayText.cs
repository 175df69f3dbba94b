using System.Globalization;
using System.Text;

namespace Shipgate.Reporting.Internal;

/// <summary>
/// Makes scanned text safe to show in a terminal or a rendered document. Scanned files are untrusted:
/// an escape sequence in a snippet could repaint a terminal, and a bidirectional override
/// (Trojan Source) could make code read differently from how it runs. Such characters are shown
/// as visible escapes (<c>\x1B</c>, <c>\u202E</c>) instead.
/// </summary>
internal static class DisplayText
{
    /// <summary>Neutralises control characters; keeps line feeds and tabs, and turns CR LF and lone CR into LF.</summary>
    public static string Multiline(string text) => Neutralize(text, keepNewlines: true);

    /// <summary>Neutralises control characters and folds all line breaks into single spaces.</summary>
    public static string SingleLine(string text) => Neutralize(text, keepNewlines: false);

    public static bool IsUnsafe(char c) =>
        (char.IsControl(c) && c is not '\n' and not '\t' and not '\r')
        || c is >= '\u202A' and <= '\u202E'
        || c is >= '\u2066' and <= '\u2069'
        || c is '\u200E' or '\u200F' or '\u061C';

    private static string Neutralize(string text, bool keepNewlines)
    {
        if (!text.AsSpan().ContainsAny("\r\n\t") && !HasUnsafe(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                builder.Append(keepNewlines ? '\n' : ' ');
            }
            else if (c == '\t')
            {
                builder.Append(keepNewlines ? '\t' : ' ');
            }
            else if (IsUnsafe(c))
            {
                builder.Append(c <= '\u00FF'
                    ? "\\x" + ((int)c).ToString("X2", CultureInfo.InvariantCulture)
                    : "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static bool HasUnsafe(string text)
    {
        foreach (var c in text)
        {
            if (IsUnsafe(c))
            {
                return true;
            }
        }

        return false;
    }
}
