using System.Text;

namespace Shipgate.Secrets.Detection;

/// <summary>
/// Builds the source line shown with a finding: the line that holds the secret's first character, cut to a bounded
/// excerpt around it, with every secret on it (not only this one) replaced by its redacted form. Stateless.
/// </summary>
internal static class Snippets
{
    /// <summary>How far back to look for an earlier (multi-line) secret that reaches into this line.</summary>
    private const int LookBehind = 64 * 1024;

    /// <param name="text">The buffer.</param>
    /// <param name="regionStart">Start of the scanned region of <paramref name="text"/>.</param>
    /// <param name="regionEnd">End of the scanned region.</param>
    /// <param name="lineStart">Where the secret's line starts in <paramref name="text"/> (clamped to the region).</param>
    /// <param name="matches">Every resolved match of the region, sorted by offset.</param>
    /// <param name="index">The match the snippet is for.</param>
    /// <param name="context">Characters kept on each side of the secret.</param>
    public static string RedactedLine(ReadOnlySpan<char> text, int regionStart, int regionEnd, int lineStart, List<RawMatch> matches, int index, int context)
    {
        var match = matches[index];
        var lineEnd = text[match.SecretStart..regionEnd].IndexOf('\n');
        var contentEnd = lineEnd < 0 ? regionEnd : match.SecretStart + lineEnd;
        if (contentEnd > match.SecretStart && text[contentEnd - 1] == '\r')
        {
            contentEnd--;
        }

        var from = Math.Max(lineStart, match.SecretStart - context);
        var to = Math.Min(contentEnd, Math.Max(match.SecretEnd, match.SecretStart + 1) + context);
        to = Math.Max(to, Math.Min(contentEnd, match.SecretStart + 1));

        var spans = new List<(int Start, int End, string Replacement)>();
        for (var j = index; j >= 0 && matches[j].SecretStart >= from - LookBehind; j--)
        {
            AddSpan(text, matches[j], from, to, spans);
        }

        for (var j = index + 1; j < matches.Count && matches[j].SecretStart < to; j++)
        {
            AddSpan(text, matches[j], from, to, spans);
        }

        spans.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        var builder = new StringBuilder(to - from + 8);
        if (from > lineStart || (from == regionStart && regionStart > 0))
        {
            builder.Append(Redactor.EllipsisChar);
        }

        var position = from;
        foreach (var (start, end, replacement) in spans)
        {
            if (end <= position)
            {
                continue;
            }

            if (start >= position)
            {
                builder.Append(text[position..start]).Append(replacement);
            }

            position = end;
        }

        builder.Append(text.Slice(position, Math.Max(0, to - position)));
        if (to < contentEnd)
        {
            builder.Append(Redactor.EllipsisChar);
        }

        return builder.ToString();
    }

    private static void AddSpan(ReadOnlySpan<char> text, RawMatch match, int from, int to, List<(int Start, int End, string Replacement)> spans)
    {
        if (match.SecretStart >= to || match.SecretEnd <= from)
        {
            return;
        }

        var replacement = match.SecretStart >= from ? Redactor.Redact(text.Slice(match.SecretStart, match.SecretLength)) : Redactor.Ellipsis;
        spans.Add((Math.Max(match.SecretStart, from), Math.Min(match.SecretEnd, to), replacement));
    }
}
