using System.Text;

namespace Shipgate.Containers.Dockerfiles;

/// <summary>
/// Dockerfile variable substitution: <c>$NAME</c>, <c>${NAME}</c>, <c>${NAME:-default}</c>, <c>${NAME:+alt}</c>,
/// <c>${NAME-default}</c>. Unknown variables stay as written and are reported back. Pure and bounded (one pass, no
/// recursion into values).
/// </summary>
internal static class Variables
{
    public static string Substitute(string text, IReadOnlyDictionary<string, string> values, out bool unresolved, char escape = '\\')
    {
        unresolved = false;
        if (!text.Contains('$', StringComparison.Ordinal))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == escape && i + 1 < text.Length && text[i + 1] == '$')
            {
                builder.Append('$');
                i += 2;
                continue;
            }

            if (c != '$' || i + 1 >= text.Length)
            {
                builder.Append(c);
                i++;
                continue;
            }

            if (text[i + 1] == '{')
            {
                var close = text.IndexOf('}', i + 2);
                if (close < 0)
                {
                    builder.Append(text[i..]);
                    unresolved = true;
                    break;
                }

                var inner = text[(i + 2)..close];
                builder.Append(Expand(inner, values, ref unresolved, text[i..(close + 1)]));
                i = close + 1;
                continue;
            }

            var end = i + 1;
            while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] == '_'))
            {
                end++;
            }

            if (end == i + 1)
            {
                builder.Append(c);
                i++;
                continue;
            }

            var name = text[(i + 1)..end];
            if (values.TryGetValue(name, out var value))
            {
                builder.Append(value);
            }
            else
            {
                unresolved = true;
                builder.Append(text[i..end]);
            }

            i = end;
        }

        return builder.ToString();
    }

    private static string Expand(string inner, IReadOnlyDictionary<string, string> values, ref bool unresolved, string written)
    {
        var colon = inner.IndexOf(':', StringComparison.Ordinal);
        var dash = inner.IndexOf('-', StringComparison.Ordinal);
        var split = colon >= 0 ? colon : dash;
        var name = split >= 0 ? inner[..split] : inner;
        var has = values.TryGetValue(name, out var value) && (colon < 0 || !string.IsNullOrEmpty(value));
        if (split < 0)
        {
            if (!has)
            {
                unresolved = true;
                return written;
            }

            return value!;
        }

        var modifier = colon >= 0 && colon + 1 < inner.Length ? inner[colon + 1] : '-';
        var word = inner[(split + (colon >= 0 ? 2 : 1))..];
        return modifier switch
        {
            '+' => has ? word : "",
            _ => has ? value! : word,
        };
    }
}
