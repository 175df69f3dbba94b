using System.Text;

namespace Shipgate.Secrets.Detection;

/// <summary>
/// The one redaction policy for secrets in messages and snippets: the first four characters and an ellipsis,
/// or only the ellipsis for values shorter than eight characters. Stateless and thread-safe.
/// </summary>
public static class Redactor
{
    public const string Ellipsis = "…";

    internal const char EllipsisChar = '…';

    private const int VisiblePrefix = 4;
    private const int MinLengthForPrefix = 8;

    /// <summary><c>ghp_abcd…</c> becomes <c>ghp_…</c>; short values become <c>…</c>.</summary>
    public static string Redact(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return Redact(secret.AsSpan());
    }

    /// <inheritdoc cref="Redact(string)"/>
    public static string Redact(ReadOnlySpan<char> secret)
    {
        if (secret.Length < MinLengthForPrefix)
        {
            return Ellipsis;
        }

        var prefix = secret[..VisiblePrefix];
        if (char.IsHighSurrogate(prefix[^1]))
        {
            prefix = prefix[..^1];
        }

        return string.Concat(prefix, Ellipsis);
    }

    /// <summary>
    /// <paramref name="line"/> with every occurrence of <paramref name="secret"/> replaced by its redacted form.
    /// </summary>
    public static string RedactLine(string line, string secret)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentException.ThrowIfNullOrEmpty(secret);
        return line.Replace(secret, Redact(secret), StringComparison.Ordinal);
    }

    /// <summary>
    /// <paramref name="line"/> with each span (start, length; 0-based, clipped to the line) replaced by the redacted
    /// form of the text it covers. Overlapping spans are merged first.
    /// </summary>
    public static string RedactLine(string line, IEnumerable<(int Start, int Length)> spans)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(spans);
        var merged = new List<(int Start, int End)>();
        foreach (var (start, length) in spans.OrderBy(s => s.Start))
        {
            var from = Math.Clamp(start, 0, line.Length);
            var to = Math.Clamp(start + length, from, line.Length);
            if (to == from)
            {
                continue;
            }

            if (merged.Count > 0 && from <= merged[^1].End)
            {
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, to));
            }
            else
            {
                merged.Add((from, to));
            }
        }

        if (merged.Count == 0)
        {
            return line;
        }

        var builder = new StringBuilder(line.Length);
        var position = 0;
        foreach (var (start, end) in merged)
        {
            builder.Append(line, position, start - position).Append(Redact(line.AsSpan(start, end - start)));
            position = end;
        }

        return builder.Append(line, position, line.Length - position).ToString();
    }
}
