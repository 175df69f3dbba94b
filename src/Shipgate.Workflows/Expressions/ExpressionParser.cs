using System.Globalization;

namespace Shipgate.Workflows.Expressions;

/// <summary>
/// Recursive-descent parser for the GitHub Actions expression language: literals, contexts with property,
/// index and star access, function calls, <c>!</c>, comparisons, <c>&amp;&amp;</c> and <c>||</c>.
/// Nesting is bounded so hostile input cannot exhaust the stack. Stateless; one instance per parse.
/// </summary>
public sealed class ExpressionParser
{
    private const int MaxDepth = 64;
    private const int MaxLength = 64 * 1024;

    private readonly string text;
    private int position;
    private int depth;

    private ExpressionParser(string text)
    {
        this.text = text;
    }

    /// <summary>Parses a bare expression (without <c>${{ }}</c>).</summary>
    public static Expr Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxLength)
        {
            throw new ExpressionException("expression is too long", 0);
        }

        var parser = new ExpressionParser(text);
        var expr = parser.ParseOr();
        parser.SkipSpace();
        if (parser.position < text.Length)
        {
            throw new ExpressionException($"unexpected '{text[parser.position]}'", parser.position);
        }

        return expr;
    }

    /// <summary>Parses, or returns null when the text is not a valid expression.</summary>
    public static Expr? TryParse(string text)
    {
        try
        {
            return Parse(text);
        }
        catch (ExpressionException)
        {
            return null;
        }
    }

    private Expr ParseOr()
    {
        var left = ParseAnd();
        while (Accept("||"))
        {
            var right = ParseAnd();
            left = new BinaryExpr(left.Start, right.End, BinaryOperator.Or, left, right);
        }

        return left;
    }

    private Expr ParseAnd()
    {
        var left = ParseEquality();
        while (Accept("&&"))
        {
            var right = ParseEquality();
            left = new BinaryExpr(left.Start, right.End, BinaryOperator.And, left, right);
        }

        return left;
    }

    private Expr ParseEquality()
    {
        var left = ParseComparison();
        while (true)
        {
            BinaryOperator op;
            if (Accept("=="))
            {
                op = BinaryOperator.Equal;
            }
            else if (Accept("!="))
            {
                op = BinaryOperator.NotEqual;
            }
            else
            {
                return left;
            }

            var right = ParseComparison();
            left = new BinaryExpr(left.Start, right.End, op, left, right);
        }
    }

    private Expr ParseComparison()
    {
        var left = ParseUnary();
        while (true)
        {
            BinaryOperator op;
            if (Accept("<="))
            {
                op = BinaryOperator.LessOrEqual;
            }
            else if (Accept(">="))
            {
                op = BinaryOperator.GreaterOrEqual;
            }
            else if (Accept("<"))
            {
                op = BinaryOperator.Less;
            }
            else if (Accept(">"))
            {
                op = BinaryOperator.Greater;
            }
            else
            {
                return left;
            }

            var right = ParseUnary();
            left = new BinaryExpr(left.Start, right.End, op, left, right);
        }
    }

    private Expr ParseUnary()
    {
        SkipSpace();
        var start = position;
        if (Peek() == '!' && Peek(1) != '=')
        {
            position++;
            Enter(start);
            var operand = ParseUnary();
            depth--;
            return new NotExpr(start, operand.End, operand);
        }

        return ParsePostfix(ParsePrimary());
    }

    private Expr ParsePostfix(Expr target)
    {
        while (true)
        {
            var save = position;
            SkipSpace();
            if (Peek() == '.')
            {
                position++;
                if (Peek() == '*')
                {
                    position++;
                    target = new IndexExpr(target.Start, position, target, new StarExpr(position - 1, position));
                    continue;
                }

                var name = ReadIdentifier() ?? throw new ExpressionException("expected a property name after '.'", position);
                target = new MemberExpr(target.Start, position, target, name);
            }
            else if (Peek() == '[')
            {
                position++;
                SkipSpace();
                Expr index;
                if (Peek() == '*')
                {
                    index = new StarExpr(position, position + 1);
                    position++;
                }
                else
                {
                    Enter(position);
                    index = ParseOr();
                    depth--;
                }

                SkipSpace();
                if (Peek() != ']')
                {
                    throw new ExpressionException("expected ']'", position);
                }

                position++;
                target = new IndexExpr(target.Start, position, target, index);
            }
            else
            {
                position = save;
                return target;
            }
        }
    }

    private Expr ParsePrimary()
    {
        SkipSpace();
        var start = position;
        var c = Peek();
        if (c == '\0')
        {
            throw new ExpressionException("unexpected end of expression", position);
        }

        if (c == '(')
        {
            position++;
            Enter(start);
            var inner = ParseOr();
            depth--;
            SkipSpace();
            if (Peek() != ')')
            {
                throw new ExpressionException("expected ')'", position);
            }

            position++;
            return new GroupExpr(start, position, inner);
        }

        if (c == '\'')
        {
            return ReadString();
        }

        if (char.IsAsciiDigit(c) || ((c is '-' or '+' or '.') && (char.IsAsciiDigit(Peek(1)) || Peek(1) == '.')))
        {
            return ReadNumber();
        }

        var name = ReadIdentifier() ?? throw new ExpressionException($"unexpected '{c}'", position);
        var save = position;
        SkipSpace();
        if (Peek() == '(')
        {
            position++;
            Enter(start);
            var args = new List<Expr>();
            SkipSpace();
            if (Peek() != ')')
            {
                while (true)
                {
                    args.Add(ParseOr());
                    SkipSpace();
                    if (Peek() == ',')
                    {
                        position++;
                        continue;
                    }

                    break;
                }
            }

            SkipSpace();
            if (Peek() != ')')
            {
                throw new ExpressionException("expected ')' after function arguments", position);
            }

            position++;
            depth--;
            return new CallExpr(start, position, name, args);
        }

        position = save;
        return name.ToLowerInvariant() switch
        {
            "true" => new LiteralExpr(start, position, LiteralKind.Boolean, true),
            "false" => new LiteralExpr(start, position, LiteralKind.Boolean, false),
            "null" => new LiteralExpr(start, position, LiteralKind.Null, null),
            "nan" => new LiteralExpr(start, position, LiteralKind.Number, double.NaN),
            "infinity" => new LiteralExpr(start, position, LiteralKind.Number, double.PositiveInfinity),
            _ => new IdentifierExpr(start, position, name),
        };
    }

    private LiteralExpr ReadString()
    {
        var start = position;
        position++;
        var builder = new System.Text.StringBuilder();
        while (true)
        {
            if (position >= text.Length)
            {
                throw new ExpressionException("unterminated string literal", start);
            }

            var c = text[position++];
            if (c == '\'')
            {
                if (Peek() == '\'')
                {
                    builder.Append('\'');
                    position++;
                    continue;
                }

                return new LiteralExpr(start, position, LiteralKind.Text, builder.ToString());
            }

            builder.Append(c);
        }
    }

    private LiteralExpr ReadNumber()
    {
        var start = position;
        if (Peek() is '-' or '+')
        {
            position++;
        }

        if (Peek() == '0' && Peek(1) is 'x' or 'X')
        {
            position += 2;
            var hexStart = position;
            while (char.IsAsciiHexDigit(Peek()))
            {
                position++;
            }

            var hex = long.Parse(text.AsSpan(hexStart, position - hexStart), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            return new LiteralExpr(start, position, LiteralKind.Number, (double)(text[start] == '-' ? -hex : hex));
        }

        while (char.IsAsciiDigit(Peek()) || Peek() is '.' or 'e' or 'E' || ((Peek() is '-' or '+') && text[position - 1] is 'e' or 'E'))
        {
            position++;
        }

        var span = text.AsSpan(start, position - start);
        if (!double.TryParse(span, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            throw new ExpressionException($"invalid number '{span}'", start);
        }

        return new LiteralExpr(start, position, LiteralKind.Number, value);
    }

    private string? ReadIdentifier()
    {
        var start = position;
        if (!(char.IsAsciiLetter(Peek()) || Peek() == '_'))
        {
            return null;
        }

        while (char.IsAsciiLetterOrDigit(Peek()) || Peek() is '_' or '-')
        {
            position++;
        }

        return text[start..position];
    }

    private bool Accept(string token)
    {
        SkipSpace();
        if (string.CompareOrdinal(text, position, token, 0, token.Length) == 0)
        {
            position += token.Length;
            return true;
        }

        return false;
    }

    private void Enter(int at)
    {
        if (++depth > MaxDepth)
        {
            throw new ExpressionException("expression is nested too deeply", at);
        }
    }

    private void SkipSpace()
    {
        while (position < text.Length && char.IsWhiteSpace(text[position]))
        {
            position++;
        }
    }

    private char Peek(int ahead = 0) => position + ahead < text.Length ? text[position + ahead] : '\0';
}
