using System.Text;

namespace Shipgate.Containers.Dockerfiles;

/// <summary>A whitespace-separated word of an instruction's arguments: unquoted value, raw text and position.</summary>
internal sealed record ArgumentWord(string Value, string Raw, int Index);

/// <summary>A <c>key=value</c> pair of ENV, ARG or LABEL (value null for <c>ARG name</c>).</summary>
internal sealed record KeyValue(string Key, string? Value, string RawValue, int Index);

/// <summary>
/// Splits instruction arguments the way BuildKit does for COPY, ADD, ENV, ARG, LABEL, USER, EXPOSE and FROM:
/// whitespace separates words, quotes group, the escape character escapes. Pure functions.
/// </summary>
internal static class ArgumentWords
{
    public static List<ArgumentWord> Split(string text, char escape = '\\', int maxWords = 10_000)
    {
        var words = new List<ArgumentWord>();
        var i = 0;
        var value = new StringBuilder();
        while (i < text.Length && words.Count < maxWords)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i >= text.Length)
            {
                break;
            }

            var start = i;
            value.Clear();
            char quote = '\0';
            while (i < text.Length && (quote != '\0' || !char.IsWhiteSpace(text[i])))
            {
                var c = text[i];
                if (c == escape && i + 1 < text.Length && quote != '\'')
                {
                    value.Append(text[i + 1]);
                    i += 2;
                    continue;
                }

                if (quote == '\0' && c is '"' or '\'')
                {
                    quote = c;
                }
                else if (c == quote)
                {
                    quote = '\0';
                }
                else
                {
                    value.Append(c);
                }

                i++;
            }

            words.Add(new ArgumentWord(value.ToString(), text[start..i], start));
        }

        return words;
    }

    /// <summary>
    /// Reads ENV/LABEL/ARG pairs: <c>a=1 b="two words"</c>, or the legacy <c>ENV key value with spaces</c>
    /// (ENV and LABEL only), or bare <c>ARG name</c>.
    /// </summary>
    public static List<KeyValue> Pairs(string body, bool legacyForm, char escape = '\\')
    {
        var words = Split(body, escape);
        var pairs = new List<KeyValue>();
        if (words.Count == 0)
        {
            return pairs;
        }

        var firstEquals = words[0].Raw.IndexOf('=', StringComparison.Ordinal);
        if (legacyForm && firstEquals < 0)
        {
            var key = words[0].Value;
            var valueStart = words.Count > 1 ? words[1].Index : body.Length;
            var raw = body[valueStart..].Trim();
            var value = words.Count > 1 ? string.Join(' ', words.Skip(1).Select(w => w.Value)) : "";
            pairs.Add(new KeyValue(key, value, raw, words.Count > 1 ? words[1].Index : words[0].Index));
            return pairs;
        }

        foreach (var word in words)
        {
            var equals = word.Raw.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                pairs.Add(new KeyValue(word.Value, null, "", word.Index));
                continue;
            }

            var key = word.Raw[..equals];
            var rawValue = word.Raw[(equals + 1)..];
            var valueEquals = word.Value.IndexOf('=', StringComparison.Ordinal);
            var value = valueEquals < 0 ? "" : word.Value[(valueEquals + 1)..];
            pairs.Add(new KeyValue(key.Trim('"', '\''), value, rawValue, word.Index + equals + 1));
        }

        return pairs;
    }
}
