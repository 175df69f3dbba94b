using System.Diagnostics.CodeAnalysis;

namespace Shipgate.Core;

public sealed partial class Glob
{
    /// <summary>More alternatives than this is almost surely a mistake, and would make every match slow.</summary>
    private const int MaxAlternatives = 1024;

    /// <summary>
    /// Expands <c>{a,b}</c> groups (nested ones too) into plain patterns: <c>src/{a,b{c,d}}.js</c> gives
    /// <c>src/a.js</c>, <c>src/bc.js</c> and <c>src/bd.js</c>. Escaped braces and braces inside <c>[...]</c> are literal,
    /// as are a comma or a <c>}</c> outside any group.
    /// </summary>
    private static bool TryExpandBraces(string pattern, out List<string> expanded, [NotNullWhen(false)] out string? error)
    {
        expanded = [];
        var pending = new Stack<string>();
        pending.Push(pattern);
        while (pending.Count > 0)
        {
            var text = pending.Pop();
            if (!TryFindGroup(text, out var open, out var close, out var commas, out error))
            {
                return false;
            }

            if (open < 0)
            {
                expanded.Add(text);
                continue;
            }

            var prefix = text[..open];
            var suffix = text[(close + 1)..];
            var start = open + 1;
            var options = new List<string>(commas.Count + 1);
            foreach (var end in commas.Append(close))
            {
                options.Add(prefix + text[start..end] + suffix);
                start = end + 1;
            }

            // Push in reverse so the expansion keeps the written order.
            for (var i = options.Count - 1; i >= 0; i--)
            {
                pending.Push(options[i]);
            }

            if (expanded.Count + pending.Count > MaxAlternatives)
            {
                error = $"the braces expand to more than {MaxAlternatives} patterns";
                return false;
            }
        }

        error = null;
        return true;
    }

    /// <summary>Finds the first top-level <c>{...}</c> group and its top-level commas; <paramref name="open"/> is -1 when there is none.</summary>
    private static bool TryFindGroup(string text, out int open, out int close, out List<int> commas, [NotNullWhen(false)] out string? error)
    {
        open = -1;
        close = -1;
        commas = [];
        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '\\':
                    i++;
                    break;
                case '[':
                    i = SkipClass(text, i);
                    break;
                case '{':
                    if (depth++ == 0)
                    {
                        open = i;
                    }

                    break;
                case ',' when depth == 1:
                    commas.Add(i);
                    break;
                case '}' when depth > 0:
                    if (--depth == 0)
                    {
                        close = i;
                        error = null;
                        return true;
                    }

                    break;
            }
        }

        if (depth > 0)
        {
            error = "a '{' is not closed with '}'";
            return false;
        }

        error = null;
        return true;
    }

    /// <summary>The index of the <c>]</c> that closes the class opened at <paramref name="open"/>, or <paramref name="open"/> when unclosed.</summary>
    private static int SkipClass(string text, int open)
    {
        var i = open + 1;
        if (i < text.Length && text[i] is '!' or '^')
        {
            i++;
        }

        // A ']' right after the opening bracket is a member, not the end.
        for (i++; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == ']')
            {
                return i;
            }
        }

        return open;
    }
}
