using System.Text;

namespace Shipgate.Containers.Dockerfiles;

internal sealed partial class ShellLexer
{
    /// <summary>Reads one word from <see cref="i"/>, removing quotes and escapes; substitutions are queued for splitting.</summary>
    private ShellWord ReadWordValue(bool collectSubstitutions)
    {
        var start = i;
        var value = new StringBuilder();
        while (i < s.Length)
        {
            var c = s[i];
            if (c is ' ' or '\t' or '\n' or '\r' or ';' or '&' or '|' or ')')
            {
                break;
            }

            if (c is '<' or '>' or '(')
            {
                if (i + 1 < s.Length && s[i + 1] == '(' && c != '(')
                {
                    ReadSubstitution(i + 1, value, collectSubstitutions);
                    continue;
                }

                if (c == '(' && i > start && s[i - 1] == '=')
                {
                    var close = FindClose(i);
                    var end = close < 0 ? s.Length : close + 1;
                    value.Append(s, i, end - i);
                    i = end;
                    continue;
                }

                break;
            }

            switch (c)
            {
                case '\\':
                    if (i + 1 < s.Length)
                    {
                        if (s[i + 1] != '\n')
                        {
                            value.Append(s[i + 1]);
                        }

                        i += 2;
                    }
                    else
                    {
                        i++;
                    }

                    break;
                case '\'':
                    {
                        var close = s.IndexOf('\'', i + 1);
                        var end = close < 0 ? s.Length : close;
                        value.Append(s, i + 1, end - i - 1);
                        i = close < 0 ? s.Length : close + 1;
                        break;
                    }

                case '"':
                    ReadDoubleQuoted(value, collectSubstitutions);
                    break;
                case '$' when i + 1 < s.Length && s[i + 1] == '(':
                    ReadSubstitution(i + 1, value, collectSubstitutions);
                    break;
                case '$' when i + 1 < s.Length && s[i + 1] == '{':
                    {
                        var close = s.IndexOf('}', i + 2);
                        var end = close < 0 ? s.Length : close + 1;
                        value.Append(s, i, end - i);
                        i = end;
                        break;
                    }

                case '`':
                    ReadBacktick(value, collectSubstitutions);
                    break;
                default:
                    value.Append(c);
                    i++;
                    break;
            }
        }

        return new ShellWord(value.ToString(), s[start..i], start, Source(start));
    }

    private void ReadDoubleQuoted(StringBuilder value, bool collectSubstitutions)
    {
        i++;
        while (i < s.Length && s[i] != '"')
        {
            var c = s[i];
            if (c == '\\' && i + 1 < s.Length)
            {
                var next = s[i + 1];
                if (next is '"' or '\\' or '$' or '`')
                {
                    value.Append(next);
                }
                else if (next != '\n')
                {
                    value.Append(c).Append(next);
                }

                i += 2;
                continue;
            }

            if (c == '$' && i + 1 < s.Length && s[i + 1] == '(')
            {
                ReadSubstitution(i + 1, value, collectSubstitutions);
                continue;
            }

            if (c == '`')
            {
                ReadBacktick(value, collectSubstitutions);
                continue;
            }

            value.Append(c);
            i++;
        }

        i = Math.Min(s.Length, i + 1);
    }

    /// <summary>Reads <c>$(…)</c>, <c>&lt;(…)</c> or <c>&gt;(…)</c> whose open parenthesis is at <paramref name="open"/>.</summary>
    private void ReadSubstitution(int open, StringBuilder value, bool collect)
    {
        var arithmetic = open + 1 < s.Length && s[open + 1] == '(';
        var close = FindClose(open);
        var end = close < 0 ? s.Length : close + 1;
        value.Append(s, i, end - i);
        if (collect && !arithmetic)
        {
            var innerEnd = close < 0 ? s.Length : close;
            nested.Add((s[(open + 1)..innerEnd], open + 1));
        }

        i = end;
    }

    private void ReadBacktick(StringBuilder value, bool collect)
    {
        var close = s.IndexOf('`', i + 1);
        var end = close < 0 ? s.Length : close + 1;
        value.Append(s, i, end - i);
        if (collect)
        {
            var innerEnd = close < 0 ? s.Length : close;
            nested.Add((s[(i + 1)..innerEnd], i + 1));
        }

        i = end;
    }

    /// <summary>The index of the parenthesis that closes the one at <paramref name="open"/>, or -1.</summary>
    private int FindClose(int open)
    {
        var level = 0;
        for (var j = open; j < s.Length; j++)
        {
            var c = s[j];
            switch (c)
            {
                case '\\':
                    j++;
                    break;
                case '\'':
                    {
                        var close = s.IndexOf('\'', j + 1);
                        if (close < 0)
                        {
                            return -1;
                        }

                        j = close;
                        break;
                    }

                case '"':
                    {
                        var k = j + 1;
                        while (k < s.Length && s[k] != '"')
                        {
                            k += s[k] == '\\' ? 2 : 1;
                        }

                        if (k >= s.Length)
                        {
                            return -1;
                        }

                        j = k;
                        break;
                    }

                case '(':
                    level++;
                    break;
                case ')':
                    level--;
                    if (level == 0)
                    {
                        return j;
                    }

                    break;
            }
        }

        return -1;
    }
}
