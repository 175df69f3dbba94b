using System.Globalization;
using System.Text;
using Shipgate.Core;

namespace Shipgate.Iac.Iam;

/// <summary>
/// A small JSON reader that keeps the line and column of every value and key. Lenient where policy authors are
/// (trailing commas, <c>//</c> and <c>/* */</c> comments), strict everywhere else; nesting is capped at
/// <see cref="MaxDepth"/>. Errors are <see cref="InputFormatException"/>s with the position. Positions can be shifted
/// so JSON embedded in another file (a Terraform heredoc) reports the outer file's lines. Stateless API.
/// </summary>
internal sealed class PositionedJson
{
    public const int MaxDepth = 128;

    private readonly string text;
    private readonly int firstLine;
    private readonly int firstColumn;
    private int offset;
    private int line;
    private int lineStart;

    private PositionedJson(string text, int firstLine, int firstColumn)
    {
        this.text = text;
        this.firstLine = firstLine;
        this.firstColumn = firstColumn;
        line = 1;
    }

    /// <summary>Parses one JSON value; <paramref name="firstLine"/>/<paramref name="firstColumn"/> are where the text starts.</summary>
    public static ValueNode Parse(string text, int firstLine = 1, int firstColumn = 1)
    {
        ArgumentNullException.ThrowIfNull(text);
        var reader = new PositionedJson(text, firstLine, firstColumn);
        if (reader.offset < text.Length && text[0] == '\uFEFF')
        {
            reader.offset = 1;
        }

        reader.SkipTrivia();
        var value = reader.ReadValue(0);
        reader.SkipTrivia();
        if (reader.offset < text.Length)
        {
            throw reader.Error($"unexpected '{text[reader.offset]}' after the JSON value");
        }

        return value;
    }

    private (int Line, int Column) Here() =>
        (firstLine + line - 1, (line == 1 ? firstColumn : 1) + offset - lineStart);

    private InputFormatException Error(string message)
    {
        var (l, c) = Here();
        return new InputFormatException("invalid JSON: " + message, l, c);
    }

    private ValueNode ReadValue(int depth)
    {
        if (depth > MaxDepth)
        {
            throw Error($"nesting deeper than {MaxDepth} levels");
        }

        if (offset >= text.Length)
        {
            throw Error("unexpected end of input");
        }

        var (l, c) = Here();
        var ch = text[offset];
        switch (ch)
        {
            case '{':
                return ReadObject(depth, l, c);
            case '[':
                return ReadArray(depth, l, c);
            case '"':
                return new ScalarNode(ReadString(), ScalarKind.String, l, c);
            case 't':
                Expect("true");
                return new ScalarNode("true", ScalarKind.Boolean, l, c);
            case 'f':
                Expect("false");
                return new ScalarNode("false", ScalarKind.Boolean, l, c);
            case 'n':
                Expect("null");
                return new ScalarNode("null", ScalarKind.Null, l, c);
            default:
                if (ch == '-' || char.IsAsciiDigit(ch))
                {
                    return new ScalarNode(ReadNumber(), ScalarKind.Number, l, c);
                }

                throw Error($"unexpected '{ch}'");
        }
    }

    private MapNode ReadObject(int depth, int l, int c)
    {
        offset++;
        var entries = new List<MapEntry>();
        SkipTrivia();
        while (true)
        {
            if (offset >= text.Length)
            {
                throw Error("unterminated object");
            }

            if (text[offset] == '}')
            {
                offset++;
                return new MapNode(entries, l, c);
            }

            if (text[offset] != '"')
            {
                throw Error($"expected a quoted key, found '{text[offset]}'");
            }

            var (kl, kc) = Here();
            var key = ReadString();
            SkipTrivia();
            if (offset >= text.Length || text[offset] != ':')
            {
                throw Error($"expected ':' after key \"{key}\"");
            }

            offset++;
            SkipTrivia();
            entries.Add(new MapEntry(key, kl, kc, ReadValue(depth + 1)));
            SkipTrivia();
            if (offset < text.Length && text[offset] == ',')
            {
                offset++;
                SkipTrivia();
            }
            else if (offset < text.Length && text[offset] != '}')
            {
                throw Error($"expected ',' or '}}', found '{text[offset]}'");
            }
        }
    }

    private ListNode ReadArray(int depth, int l, int c)
    {
        offset++;
        var items = new List<ValueNode>();
        SkipTrivia();
        while (true)
        {
            if (offset >= text.Length)
            {
                throw Error("unterminated array");
            }

            if (text[offset] == ']')
            {
                offset++;
                return new ListNode(items, l, c);
            }

            items.Add(ReadValue(depth + 1));
            SkipTrivia();
            if (offset < text.Length && text[offset] == ',')
            {
                offset++;
                SkipTrivia();
            }
            else if (offset < text.Length && text[offset] != ']')
            {
                throw Error($"expected ',' or ']', found '{text[offset]}'");
            }
        }
    }

    private string ReadString()
    {
        offset++;
        var builder = new StringBuilder();
        while (true)
        {
            if (offset >= text.Length || text[offset] == '\n')
            {
                throw Error("unterminated string");
            }

            var ch = text[offset++];
            if (ch == '"')
            {
                return builder.ToString();
            }

            if (ch != '\\')
            {
                builder.Append(ch);
                continue;
            }

            if (offset >= text.Length)
            {
                throw Error("unterminated escape");
            }

            var escape = text[offset++];
            switch (escape)
            {
                case '"': builder.Append('"'); break;
                case '\\': builder.Append('\\'); break;
                case '/': builder.Append('/'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'u':
                    if (offset + 4 > text.Length
                        || !int.TryParse(text.AsSpan(offset, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
                    {
                        throw Error("bad \\u escape");
                    }

                    builder.Append((char)code);
                    offset += 4;
                    break;
                default:
                    offset -= 2;
                    throw Error($"bad escape '\\{escape}'");
            }
        }
    }

    private string ReadNumber()
    {
        var start = offset;
        if (text[offset] == '-')
        {
            offset++;
        }

        while (offset < text.Length && (char.IsAsciiDigit(text[offset]) || text[offset] is '.' or 'e' or 'E' or '+' or '-'))
        {
            offset++;
        }

        var number = text[start..offset];
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            offset = start;
            throw Error($"bad number '{number}'");
        }

        return number;
    }

    private void Expect(string word)
    {
        if (string.CompareOrdinal(text, offset, word, 0, word.Length) != 0)
        {
            throw Error($"unexpected '{text[offset]}'");
        }

        offset += word.Length;
    }

    private void SkipTrivia()
    {
        while (offset < text.Length)
        {
            var ch = text[offset];
            if (ch == '\n')
            {
                offset++;
                line++;
                lineStart = offset;
            }
            else if (ch is ' ' or '\t' or '\r')
            {
                offset++;
            }
            else if (ch == '/' && offset + 1 < text.Length && text[offset + 1] == '/')
            {
                while (offset < text.Length && text[offset] != '\n')
                {
                    offset++;
                }
            }
            else if (ch == '/' && offset + 1 < text.Length && text[offset + 1] == '*')
            {
                var end = text.IndexOf("*/", offset + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    throw Error("unterminated comment");
                }

                for (var i = offset; i < end; i++)
                {
                    if (text[i] == '\n')
                    {
                        line++;
                        lineStart = i + 1;
                    }
                }

                offset = end + 2;
            }
            else
            {
                return;
            }
        }
    }
}
