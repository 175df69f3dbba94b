using Shipgate.Core;

namespace Shipgate.Dependencies.Toml;

/// <summary>
/// A TOML 1.0.0 parser that records the line and column of every value. Strict: everything the specification
/// calls invalid is an <see cref="InputFormatException"/> at the offending position. Nesting is capped at
/// <see cref="MaxDepth"/>. One instance parses one document; use <see cref="Parse"/>.
/// </summary>
public sealed partial class TomlParser
{
    public const int MaxDepth = 128;

    private readonly string text;
    private readonly LineIndex lines;
    private readonly TomlTable root = new(1, 1, TomlTableOrigin.Header);
    private int pos;
    private TomlTable current;

    private TomlParser(string text)
    {
        this.text = text;
        lines = new LineIndex(text);
        current = root;
    }

    public static TomlTable Parse(string text)
    {
        var parser = new TomlParser(text.StartsWith('\uFEFF') ? text[1..] : text);
        parser.ParseDocument();
        return parser.root;
    }

    private bool AtEnd => pos >= text.Length;

    private char Peek(int ahead = 0) => pos + ahead < text.Length ? text[pos + ahead] : '\0';

    private void ParseDocument()
    {
        while (true)
        {
            SkipWhitespace();
            if (AtEnd)
            {
                return;
            }

            var c = Peek();
            if (c == '#' || c == '\n' || c == '\r')
            {
                SkipCommentAndNewline();
                continue;
            }

            if (c == '[')
            {
                ParseHeader();
            }
            else
            {
                ParseKeyValue(current, depth: 0);
            }

            SkipWhitespace();
            SkipCommentAndNewline();
        }
    }

    /// <summary>Skips an optional comment, then requires a newline or the end of the input.</summary>
    private void SkipCommentAndNewline()
    {
        if (Peek() == '#')
        {
            pos++;
            while (!AtEnd && Peek() != '\n')
            {
                var c = Peek();
                if (c == '\r' && Peek(1) == '\n')
                {
                    break;
                }

                if (IsControl(c) && c != '\t')
                {
                    throw Error("Control characters are not allowed in comments.");
                }

                pos++;
            }
        }

        if (AtEnd)
        {
            return;
        }

        if (Peek() == '\n')
        {
            pos++;
        }
        else if (Peek() == '\r' && Peek(1) == '\n')
        {
            pos += 2;
        }
        else
        {
            throw Error($"Expected the end of the line but found '{Describe(Peek())}'.");
        }
    }

    private void SkipWhitespace()
    {
        while (Peek() is ' ' or '\t')
        {
            pos++;
        }
    }

    private void ParseHeader()
    {
        var (line, column) = lines.PositionOf(pos);
        var isArray = Peek(1) == '[';
        pos += isArray ? 2 : 1;
        SkipWhitespace();
        var keys = ParseKey();
        SkipWhitespace();
        if (Peek() != ']' || (isArray && Peek(1) != ']'))
        {
            throw Error(isArray ? "Expected ']]' to close the array-of-tables header." : "Expected ']' to close the table header.");
        }

        pos += isArray ? 2 : 1;
        var table = root;
        for (var i = 0; i < keys.Count - 1; i++)
        {
            table = Descend(table, keys[i], line, column);
        }

        var last = keys[^1];
        var existing = table[last.Name];
        if (isArray)
        {
            if (existing is null)
            {
                var array = new TomlArray(line, column, isArrayOfTables: true);
                table.Add(last.Name, array);
                existing = array;
            }

            if (existing is not TomlArray { IsArrayOfTables: true } tables)
            {
                throw Error($"Cannot define '{JoinKeys(keys)}' as an array of tables: it is already a {existing.TypeName}.", line, column);
            }

            current = new TomlTable(line, column, TomlTableOrigin.Header);
            tables.Add(current);
            return;
        }

        switch (existing)
        {
            case null:
                current = new TomlTable(line, column, TomlTableOrigin.Header);
                table.Add(last.Name, current);
                break;
            case TomlTable { Origin: TomlTableOrigin.Implicit } implicitTable:
                implicitTable.Origin = TomlTableOrigin.Header;
                current = implicitTable;
                break;
            default:
                throw Error($"Table '{JoinKeys(keys)}' is defined more than once.", line, column);
        }
    }

    /// <summary>Walks one header key segment, creating implicit tables and entering the last table of an array of tables.</summary>
    private static TomlTable Descend(TomlTable table, Key key, int line, int column)
    {
        switch (table[key.Name])
        {
            case null:
                var created = new TomlTable(line, column, TomlTableOrigin.Implicit);
                table.Add(key.Name, created);
                return created;
            case TomlTable { Origin: TomlTableOrigin.Inline }:
                throw Error($"Cannot extend inline table '{key.Name}'.", line, column);
            case TomlTable next:
                return next;
            case TomlArray { IsArrayOfTables: true } array:
                return (TomlTable)array.Items[^1];
            case var other:
                throw Error($"Key '{key.Name}' is a {other.TypeName}, not a table.", line, column);
        }
    }

    /// <summary>Parses <c>key = value</c> into <paramref name="target"/>; dotted keys create (or extend) dotted tables.</summary>
    private void ParseKeyValue(TomlTable target, int depth)
    {
        var (line, column) = lines.PositionOf(pos);
        var keys = ParseKey();
        SkipWhitespace();
        if (Peek() != '=')
        {
            throw Error(AtEnd || Peek() is '\n' or '\r' ? $"Expected '=' after key '{JoinKeys(keys)}'." : $"Expected '=' after key '{JoinKeys(keys)}' but found '{Describe(Peek())}'.");
        }

        pos++;
        SkipWhitespace();
        var table = target;
        for (var i = 0; i < keys.Count - 1; i++)
        {
            switch (table[keys[i].Name])
            {
                case null:
                    var created = new TomlTable(line, column, TomlTableOrigin.Dotted);
                    table.Add(keys[i].Name, created);
                    table = created;
                    break;
                case TomlTable { Origin: TomlTableOrigin.Dotted } dotted:
                    table = dotted;
                    break;
                default:
                    throw Error($"Cannot add key '{JoinKeys(keys)}': '{keys[i].Name}' is already defined.", line, column);
            }
        }

        var value = ParseValue(depth);
        if (table[keys[^1].Name] is not null)
        {
            throw Error($"Key '{JoinKeys(keys)}' is defined more than once.", line, column);
        }

        table.Add(keys[^1].Name, value);
    }

    private readonly record struct Key(string Name);

    /// <summary>A simple or dotted key: bare, basic-quoted or literal-quoted segments separated by dots.</summary>
    private List<Key> ParseKey()
    {
        var keys = new List<Key>();
        while (true)
        {
            var c = Peek();
            if (c == '"')
            {
                if (Peek(1) == '"' && Peek(2) == '"')
                {
                    throw Error("Multi-line strings cannot be keys.");
                }

                keys.Add(new Key(ParseBasicString()));
            }
            else if (c == '\'')
            {
                if (Peek(1) == '\'' && Peek(2) == '\'')
                {
                    throw Error("Multi-line strings cannot be keys.");
                }

                keys.Add(new Key(ParseLiteralString()));
            }
            else
            {
                var start = pos;
                while (IsBareKeyChar(Peek()))
                {
                    pos++;
                }

                if (pos == start)
                {
                    throw Error(AtEnd || c is '\n' or '\r' ? "Expected a key." : $"Expected a key but found '{Describe(c)}'.");
                }

                keys.Add(new Key(text[start..pos]));
            }

            SkipWhitespace();
            if (Peek() != '.')
            {
                return keys;
            }

            pos++;
            SkipWhitespace();
        }
    }

    private static bool IsBareKeyChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-';

    private static bool IsControl(char c) => c < 0x20 || c == 0x7F;

    private static string JoinKeys(List<Key> keys) => string.Join('.', keys.Select(k => k.Name));

    private static string Describe(char c) => c switch
    {
        '\0' => "end of input",
        '\t' => "\\t",
        '\r' => "\\r",
        '\n' => "\\n",
        _ when IsControl(c) => $"\\u{(int)c:X4}",
        _ => c.ToString(),
    };

    private InputFormatException Error(string message) => Error(message, pos);

    private InputFormatException Error(string message, int offset)
    {
        var (line, column) = lines.PositionOf(offset);
        return new InputFormatException($"Invalid TOML: {message}", line, column);
    }

    private static InputFormatException Error(string message, int line, int column) => new($"Invalid TOML: {message}", line, column);
}
