using System.Globalization;
using System.Text;
using Shipgate.Core;

namespace Shipgate.Iac.Terraform.Hcl;

/// <summary>
/// Turns HCL native syntax into tokens: comments (<c>#</c>, <c>//</c>, <c>/* */</c>), identifiers, numbers,
/// operators, and templates (quoted strings and heredocs) with their <c>${…}</c> interpolations and <c>%{…}</c>
/// directives, which re-enter expression lexing until the matching brace. Template nesting is capped at
/// <see cref="MaxNesting"/>. Errors are <see cref="InputFormatException"/>s with line and column. One instance per
/// source text; not thread-safe.
/// </summary>
internal sealed partial class HclLexer
{
    public const int MaxNesting = 64;

    private readonly string text;
    private readonly List<HclToken> tokens = [];
    private int offset;
    private int line = 1;
    private int lineStart;

    private HclLexer(string text) => this.text = text;

    public static IReadOnlyList<HclToken> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lexer = new HclLexer(text);
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            lexer.offset = lexer.lineStart = 1;
        }

        lexer.LexExpressions(insideSequence: false, depth: 0);
        lexer.Add(HclTokenKind.EndOfFile, "", lexer.offset);
        return lexer.tokens;
    }

    private int Column(int at) => at - lineStart + 1;

    private InputFormatException Error(string message, int at) => new(message, line, Column(at));

    private void Add(HclTokenKind kind, string value, int start, bool flag = false) =>
        tokens.Add(new HclToken(kind, value, line, Column(start), start, offset, flag));

    private char Peek(int ahead = 0) => offset + ahead < text.Length ? text[offset + ahead] : '\0';

    private void NewLine()
    {
        line++;
        lineStart = offset;
    }

    /// <summary>
    /// Lexes expression tokens until the end of input or, inside a template sequence, until the <c>}</c> that
    /// closes it (nested braces are counted).
    /// </summary>
    private void LexExpressions(bool insideSequence, int depth)
    {
        if (depth > MaxNesting)
        {
            throw Error($"templates nested deeper than {MaxNesting} levels", offset);
        }

        var braces = 0;
        while (offset < text.Length)
        {
            var c = text[offset];
            var start = offset;
            switch (c)
            {
                case ' ' or '\t' or '\r':
                    offset++;
                    continue;
                case '\n':
                    offset++;
                    tokens.Add(new HclToken(HclTokenKind.Newline, "", line, Column(start), start, offset));
                    NewLine();
                    continue;
                case '#':
                    SkipLineComment();
                    continue;
                case '/' when Peek(1) == '/':
                    SkipLineComment();
                    continue;
                case '/' when Peek(1) == '*':
                    SkipBlockComment();
                    continue;
                case '"':
                    offset++;
                    Add(HclTokenKind.OpenQuote, "\"", start);
                    LexQuoted(depth + 1);
                    continue;
                case '<' when Peek(1) == '<' && (char.IsAsciiLetter(Peek(2)) || (Peek(2) == '-' && char.IsAsciiLetter(Peek(3)))):
                    LexHeredoc(depth + 1);
                    continue;
                case '{':
                    braces++;
                    offset++;
                    Add(HclTokenKind.OpenBrace, "{", start);
                    continue;
                case '}':
                    if (insideSequence && braces == 0)
                    {
                        offset++;
                        Add(HclTokenKind.TemplateSequenceEnd, "}", start);
                        return;
                    }

                    braces--;
                    offset++;
                    Add(HclTokenKind.CloseBrace, "}", start);
                    continue;
                case '~' when insideSequence && braces == 0 && Peek(1) == '}':
                    offset += 2;
                    Add(HclTokenKind.TemplateSequenceEnd, "}", start, flag: true);
                    return;
            }

            if (char.IsLetter(c) || c == '_')
            {
                while (offset < text.Length && (char.IsLetterOrDigit(text[offset]) || text[offset] is '_' or '-'))
                {
                    offset++;
                }

                Add(HclTokenKind.Identifier, text[start..offset], start);
                continue;
            }

            if (char.IsAsciiDigit(c))
            {
                LexNumber();
                continue;
            }

            LexOperator(c, start);
        }

        if (insideSequence)
        {
            throw Error("unterminated template interpolation: missing '}'", offset);
        }
    }

    private void LexNumber()
    {
        var start = offset;
        while (char.IsAsciiDigit(Peek()))
        {
            offset++;
        }

        if (Peek() == '.' && char.IsAsciiDigit(Peek(1)))
        {
            offset++;
            while (char.IsAsciiDigit(Peek()))
            {
                offset++;
            }
        }

        if (Peek() is 'e' or 'E' && (char.IsAsciiDigit(Peek(1)) || (Peek(1) is '+' or '-' && char.IsAsciiDigit(Peek(2)))))
        {
            offset += 2;
            while (char.IsAsciiDigit(Peek()))
            {
                offset++;
            }
        }

        Add(HclTokenKind.Number, text[start..offset], start);
    }

    private void LexOperator(char c, int start)
    {
        var next = Peek(1);
        (HclTokenKind Kind, int Length) op = c switch
        {
            '[' => (HclTokenKind.OpenBracket, 1),
            ']' => (HclTokenKind.CloseBracket, 1),
            '(' => (HclTokenKind.OpenParen, 1),
            ')' => (HclTokenKind.CloseParen, 1),
            ',' => (HclTokenKind.Comma, 1),
            '.' when next == '.' && Peek(2) == '.' => (HclTokenKind.Ellipsis, 3),
            '.' => (HclTokenKind.Dot, 1),
            '=' when next == '=' => (HclTokenKind.EqualEqual, 2),
            '=' when next == '>' => (HclTokenKind.FatArrow, 2),
            '=' => (HclTokenKind.Equals, 1),
            '!' when next == '=' => (HclTokenKind.NotEqual, 2),
            '!' => (HclTokenKind.Bang, 1),
            '<' when next == '=' => (HclTokenKind.LessEqual, 2),
            '<' => (HclTokenKind.Less, 1),
            '>' when next == '=' => (HclTokenKind.GreaterEqual, 2),
            '>' => (HclTokenKind.Greater, 1),
            '&' when next == '&' => (HclTokenKind.And, 2),
            '|' when next == '|' => (HclTokenKind.Or, 2),
            ':' => (HclTokenKind.Colon, 1),
            '?' => (HclTokenKind.Question, 1),
            '+' => (HclTokenKind.Plus, 1),
            '-' => (HclTokenKind.Minus, 1),
            '*' => (HclTokenKind.Star, 1),
            '/' => (HclTokenKind.Slash, 1),
            '%' => (HclTokenKind.Percent, 1),
            _ => throw Error($"unexpected character '{c}'", start),
        };
        offset += op.Length;
        Add(op.Kind, text[start..offset], start);
    }

    private void SkipLineComment()
    {
        while (offset < text.Length && text[offset] != '\n')
        {
            offset++;
        }
    }

    private void SkipBlockComment()
    {
        var start = offset;
        var (startLine, startColumn) = (line, Column(start));
        offset += 2;
        while (offset < text.Length && !(text[offset] == '*' && Peek(1) == '/'))
        {
            if (text[offset++] == '\n')
            {
                NewLine();
            }
        }

        if (offset >= text.Length)
        {
            throw new InputFormatException("unterminated /* comment", startLine, startColumn);
        }

        offset += 2;
    }

    /// <summary>Lexes a quoted template after its opening quote, up to and including the closing quote.</summary>
    private void LexQuoted(int depth)
    {
        var literal = new StringBuilder();
        var literalStart = offset;
        while (true)
        {
            if (offset >= text.Length || text[offset] == '\n')
            {
                throw Error("unterminated string: missing closing quote", offset);
            }

            var c = text[offset];
            if (c == '"')
            {
                FlushLiteral(literal, literalStart);
                var start = offset++;
                Add(HclTokenKind.CloseQuote, "\"", start);
                return;
            }

            if (c == '\\')
            {
                literal.Append(Escape());
                continue;
            }

            if (TryOpenSequence(literal, ref literalStart, depth))
            {
                continue;
            }

            literal.Append(c);
            offset++;
        }
    }

    /// <summary>Handles <c>${</c>, <c>%{</c> and their escapes <c>$${</c>, <c>%%{</c>; returns true when it consumed input.</summary>
    private bool TryOpenSequence(StringBuilder literal, ref int literalStart, int depth)
    {
        var c = text[offset];
        if (c is not ('$' or '%'))
        {
            return false;
        }

        if (Peek(1) == c && Peek(2) == '{')
        {
            literal.Append(c).Append('{');
            offset += 3;
            return true;
        }

        if (Peek(1) != '{')
        {
            return false;
        }

        FlushLiteral(literal, literalStart);
        var start = offset;
        offset += 2;
        var strip = Peek() == '~';
        if (strip)
        {
            offset++;
        }

        Add(c == '$' ? HclTokenKind.TemplateInterpolation : HclTokenKind.TemplateDirective, text[start..offset], start, strip);
        LexExpressions(insideSequence: true, depth: depth + 1);
        literalStart = offset;
        return true;
    }

    private void FlushLiteral(StringBuilder literal, int literalStart)
    {
        if (literal.Length > 0)
        {
            tokens.Add(new HclToken(HclTokenKind.TemplateLiteral, literal.ToString(), line, Column(literalStart), literalStart, offset));
            literal.Clear();
        }
    }

    private string Escape()
    {
        var start = offset;
        offset++;
        var e = Peek();
        offset++;
        switch (e)
        {
            case 'n': return "\n";
            case 'r': return "\r";
            case 't': return "\t";
            case '"': return "\"";
            case '\\': return "\\";
            case 'u' or 'U':
                var digits = e == 'u' ? 4 : 8;
                if (offset + digits > text.Length
                    || !int.TryParse(text.AsSpan(offset, digits), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code)
                    || code > 0x10FFFF
                    || code is >= 0xD800 and <= 0xDFFF)
                {
                    throw Error("bad unicode escape", start);
                }

                offset += digits;
                return char.ConvertFromUtf32(code);
            default:
                throw Error($"unknown escape sequence '\\{e}'", start);
        }
    }
}
