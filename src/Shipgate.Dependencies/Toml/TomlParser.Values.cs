using System.Globalization;
using System.Text;

namespace Shipgate.Dependencies.Toml;

/// <summary>Values: strings, numbers, booleans, dates and times, arrays and inline tables.</summary>
public sealed partial class TomlParser
{
    private static readonly System.Buffers.SearchValues<char> HexDigits = System.Buffers.SearchValues.Create("0123456789abcdefABCDEF");

    private TomlValue ParseValue(int depth)
    {
        if (depth > MaxDepth)
        {
            throw Error($"Values are nested more than {MaxDepth} levels deep.");
        }

        var start = pos;
        var (line, column) = lines.PositionOf(pos);
        var c = Peek();
        switch (c)
        {
            case '"':
                return new TomlString(Peek(1) == '"' && Peek(2) == '"' ? ParseMultilineBasicString() : ParseBasicString(), line, column);
            case '\'':
                return new TomlString(Peek(1) == '\'' && Peek(2) == '\'' ? ParseMultilineLiteralString() : ParseLiteralString(), line, column);
            case '[':
                return ParseArray(depth, line, column);
            case '{':
                return ParseInlineTable(depth, line, column);
            case 't' when Matches("true"):
                pos += 4;
                return new TomlBoolean(true, line, column);
            case 'f' when Matches("false"):
                pos += 5;
                return new TomlBoolean(false, line, column);
        }

        if (LooksLikeDate() || LooksLikeTime())
        {
            return ParseDateTime(line, column);
        }

        if (char.IsAsciiDigit(c) || c is '+' or '-' or 'i' or 'n')
        {
            return ParseNumber(line, column);
        }

        pos = start;
        throw Error(AtEnd || c is '\n' or '\r' ? "Expected a value." : $"Expected a value but found '{Describe(c)}'.");
    }

    private bool Matches(string word) => string.CompareOrdinal(text, pos, word, 0, word.Length) == 0
        && !IsBareKeyChar(Peek(word.Length));

    private TomlArray ParseArray(int depth, int line, int column)
    {
        var array = new TomlArray(line, column, isArrayOfTables: false);
        pos++;
        while (true)
        {
            SkipArrayWhitespace();
            if (Peek() == ']')
            {
                pos++;
                return array;
            }

            array.Add(ParseValue(depth + 1));
            SkipArrayWhitespace();
            if (Peek() == ',')
            {
                pos++;
                continue;
            }

            if (Peek() == ']')
            {
                pos++;
                return array;
            }

            throw Error(AtEnd ? "The array is not closed with ']'." : $"Expected ',' or ']' in the array but found '{Describe(Peek())}'.");
        }
    }

    /// <summary>Whitespace, newlines and comments, all allowed between array elements.</summary>
    private void SkipArrayWhitespace()
    {
        while (true)
        {
            SkipWhitespace();
            var c = Peek();
            if (c is '#' or '\n' || (c == '\r' && Peek(1) == '\n'))
            {
                SkipCommentAndNewline();
                continue;
            }

            return;
        }
    }

    private TomlTable ParseInlineTable(int depth, int line, int column)
    {
        var table = new TomlTable(line, column, TomlTableOrigin.Inline);
        pos++;
        SkipWhitespace();
        if (Peek() == '}')
        {
            pos++;
            return table;
        }

        while (true)
        {
            SkipWhitespace();
            ParseKeyValue(table, depth + 1);
            SkipWhitespace();
            if (Peek() == ',')
            {
                pos++;
                SkipWhitespace();
                if (Peek() == '}')
                {
                    throw Error("Inline tables cannot have a trailing comma.");
                }

                continue;
            }

            if (Peek() == '}')
            {
                pos++;
                Freeze(table);
                return table;
            }

            throw Error(AtEnd || Peek() is '\n' or '\r' ? "Inline tables must be closed with '}' on the same line." : $"Expected ',' or '}}' in the inline table but found '{Describe(Peek())}'.");
        }
    }

    /// <summary>Marks an inline table and the dotted tables inside it as complete, so nothing can add to them later.</summary>
    private static void Freeze(TomlTable table)
    {
        table.Origin = TomlTableOrigin.Inline;
        foreach (var (_, value) in table.Entries)
        {
            if (value is TomlTable { Origin: TomlTableOrigin.Dotted } nested)
            {
                Freeze(nested);
            }
        }
    }

    private string ParseBasicString()
    {
        pos++;
        var builder = new StringBuilder();
        while (true)
        {
            if (AtEnd)
            {
                throw Error("The string is not closed with '\"'.");
            }

            var c = text[pos];
            if (c == '"')
            {
                pos++;
                return builder.ToString();
            }

            if (c == '\\')
            {
                ParseEscape(builder);
                continue;
            }

            if (c is '\n' or '\r')
            {
                throw Error("Basic strings cannot span lines; use \"\"\" for a multi-line string.");
            }

            if (IsControl(c) && c != '\t')
            {
                throw Error($"Control character '{Describe(c)}' must be escaped in a string.");
            }

            builder.Append(c);
            pos++;
        }
    }

    private string ParseMultilineBasicString()
    {
        pos += 3;
        SkipNewlineAfterOpening();
        var builder = new StringBuilder();
        while (true)
        {
            if (AtEnd)
            {
                throw Error("The multi-line string is not closed with '\"\"\"'.");
            }

            var c = text[pos];
            if (c == '"' && Peek(1) == '"' && Peek(2) == '"')
            {
                // Up to two quotes may sit right before the closing delimiter.
                var extra = 0;
                while (extra < 2 && Peek(3 + extra) == '"')
                {
                    extra++;
                }

                builder.Append('"', extra);
                pos += 3 + extra;
                return builder.ToString();
            }

            if (c == '\\')
            {
                var look = pos + 1;
                while (look < text.Length && text[look] is ' ' or '\t')
                {
                    look++;
                }

                if (look < text.Length && (text[look] == '\n' || (text[look] == '\r' && look + 1 < text.Length && text[look + 1] == '\n')))
                {
                    // A line-ending backslash trims the newline and all whitespace that follows.
                    pos = look;
                    while (!AtEnd && (Peek() is ' ' or '\t' or '\n' || (Peek() == '\r' && Peek(1) == '\n')))
                    {
                        pos++;
                    }

                    continue;
                }

                ParseEscape(builder);
                continue;
            }

            AppendMultilineChar(builder, c);
        }
    }

    private string ParseLiteralString()
    {
        var start = ++pos;
        while (true)
        {
            if (AtEnd)
            {
                throw Error("The literal string is not closed with \"'\".");
            }

            var c = text[pos];
            if (c == '\'')
            {
                pos++;
                return text[start..(pos - 1)];
            }

            if (c is '\n' or '\r')
            {
                throw Error("Literal strings cannot span lines; use ''' for a multi-line string.");
            }

            if (IsControl(c) && c != '\t')
            {
                throw Error($"Control character '{Describe(c)}' is not allowed in a literal string.");
            }

            pos++;
        }
    }

    private string ParseMultilineLiteralString()
    {
        pos += 3;
        SkipNewlineAfterOpening();
        var builder = new StringBuilder();
        while (true)
        {
            if (AtEnd)
            {
                throw Error("The multi-line literal string is not closed with \"'''\".");
            }

            var c = text[pos];
            if (c == '\'' && Peek(1) == '\'' && Peek(2) == '\'')
            {
                var extra = 0;
                while (extra < 2 && Peek(3 + extra) == '\'')
                {
                    extra++;
                }

                builder.Append('\'', extra);
                pos += 3 + extra;
                return builder.ToString();
            }

            AppendMultilineChar(builder, c);
        }
    }

    private void AppendMultilineChar(StringBuilder builder, char c)
    {
        if (c == '\r')
        {
            if (Peek(1) != '\n')
            {
                throw Error("A carriage return must be followed by a line feed.");
            }

            builder.Append('\n');
            pos += 2;
            return;
        }

        if (IsControl(c) && c is not '\t' and not '\n')
        {
            throw Error($"Control character '{Describe(c)}' must be escaped in a string.");
        }

        builder.Append(c);
        pos++;
    }

    private void SkipNewlineAfterOpening()
    {
        if (Peek() == '\n')
        {
            pos++;
        }
        else if (Peek() == '\r' && Peek(1) == '\n')
        {
            pos += 2;
        }
    }

    private void ParseEscape(StringBuilder builder)
    {
        var escapeStart = pos;
        pos++;
        var c = Peek();
        pos++;
        switch (c)
        {
            case 'b': builder.Append('\b'); return;
            case 't': builder.Append('\t'); return;
            case 'n': builder.Append('\n'); return;
            case 'f': builder.Append('\f'); return;
            case 'r': builder.Append('\r'); return;
            case '"': builder.Append('"'); return;
            case '\\': builder.Append('\\'); return;
            case 'u' or 'U':
                var length = c == 'u' ? 4 : 8;
                if (pos + length > text.Length || !int.TryParse(text.AsSpan(pos, length), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code)
                    || text.AsSpan(pos, length).ContainsAnyExcept(HexDigits))
                {
                    throw Error($"'\\{c}' must be followed by {length} hexadecimal digits.", escapeStart);
                }

                if (code is < 0 or > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
                {
                    throw Error($"'\\{c}{text.Substring(pos, length)}' is not a Unicode scalar value.", escapeStart);
                }

                builder.Append(char.ConvertFromUtf32(code));
                pos += length;
                return;
            default:
                throw Error($"Unknown escape sequence '\\{Describe(c)}'.", escapeStart);
        }
    }
}
