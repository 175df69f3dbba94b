using Shipgate.Core;

namespace Shipgate.Iac.Terraform.Hcl;

/// <summary>Expressions, by precedence: conditional, ||, &amp;&amp;, equality, comparison, +/-, */%, unary, postfix, primary.</summary>
internal sealed partial class HclParser
{
    private HclExpression ParseExpression()
    {
        Enter();
        var condition = ParseBinary(0);
        if (Accept(HclTokenKind.Question))
        {
            var whenTrue = ParseExpression();
            Expect(HclTokenKind.Colon, "':' in the conditional");
            var whenFalse = ParseExpression();
            condition = new HclConditional(condition, whenTrue, whenFalse, condition.Line, condition.Column, condition.Start, whenFalse.End);
        }

        Leave();
        return condition;
    }

    private static readonly HclTokenKind[][] Levels =
    [
        [HclTokenKind.Or],
        [HclTokenKind.And],
        [HclTokenKind.EqualEqual, HclTokenKind.NotEqual],
        [HclTokenKind.Less, HclTokenKind.LessEqual, HclTokenKind.Greater, HclTokenKind.GreaterEqual],
        [HclTokenKind.Plus, HclTokenKind.Minus],
        [HclTokenKind.Star, HclTokenKind.Slash, HclTokenKind.Percent],
    ];

    private HclExpression ParseBinary(int level)
    {
        if (level == Levels.Length)
        {
            return ParseUnary();
        }

        var left = ParseBinary(level + 1);
        while (Levels[level].Contains(Current.Kind))
        {
            var op = Advance().Kind;
            var right = ParseBinary(level + 1);
            left = new HclBinary(op, left, right, left.Line, left.Column, left.Start, right.End);
        }

        return left;
    }

    private HclExpression ParseUnary()
    {
        if (At(HclTokenKind.Bang) || At(HclTokenKind.Minus))
        {
            Enter();
            var op = Advance();
            var operand = ParseUnary();
            Leave();
            return new HclUnary(op.Kind, operand, op.Line, op.Column, op.Start, operand.End);
        }

        return ParsePostfix(ParsePrimary());
    }

    private HclExpression ParsePostfix(HclExpression expression)
    {
        while (true)
        {
            if (At(HclTokenKind.Dot))
            {
                Advance();
                if (Accept(HclTokenKind.Star))
                {
                    expression = ParseSplat(expression, full: false);
                    continue;
                }

                var name = At(HclTokenKind.Number) ? Advance() : Expect(HclTokenKind.Identifier, "an attribute name after '.'");
                expression = name.Kind == HclTokenKind.Number
                    ? new HclIndex(expression, new HclLiteral(name.Text, HclLiteralKind.Number, name.Line, name.Column, name.Start, name.End), expression.Line, expression.Column, expression.Start, name.End)
                    : new HclGetAttribute(expression, name.Text, expression.Line, expression.Column, expression.Start, name.End);
            }
            else if (tokens[position].Kind == HclTokenKind.OpenBracket)
            {
                Advance();
                ignoreNewlines++;
                if (At(HclTokenKind.Star))
                {
                    Advance();
                    Expect(HclTokenKind.CloseBracket, "']' after '[*'");
                    ignoreNewlines--;
                    expression = ParseSplat(expression, full: true);
                    continue;
                }

                var key = ParseExpression();
                var close = Expect(HclTokenKind.CloseBracket, "']' closing the index");
                ignoreNewlines--;
                expression = new HclIndex(expression, key, expression.Line, expression.Column, expression.Start, close.End);
            }
            else
            {
                return expression;
            }
        }
    }

    /// <summary>After <c>.*</c> or <c>[*]</c>: the traversal applied to each element (attribute-only splats take no index).</summary>
    private HclSplat ParseSplat(HclExpression source, bool full)
    {
        var each = new List<HclExpression>();
        var end = Previous.End;
        while (true)
        {
            if (At(HclTokenKind.Dot) && tokens[CurrentIndex + 1].Kind == HclTokenKind.Identifier)
            {
                Advance();
                var name = Advance();
                each.Add(new HclVariable(name.Text, name.Line, name.Column, name.Start, name.End));
                end = name.End;
            }
            else if (full && tokens[position].Kind == HclTokenKind.OpenBracket)
            {
                Advance();
                ignoreNewlines++;
                var key = ParseExpression();
                end = Expect(HclTokenKind.CloseBracket, "']'").End;
                ignoreNewlines--;
                each.Add(key);
            }
            else
            {
                return new HclSplat(source, full, each, source.Line, source.Column, source.Start, end);
            }
        }
    }

    private HclExpression ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case HclTokenKind.Number:
                Advance();
                return new HclLiteral(token.Text, HclLiteralKind.Number, token.Line, token.Column, token.Start, token.End);
            case HclTokenKind.Identifier:
                Advance();
                if (token.Text is "true" or "false")
                {
                    return new HclLiteral(token.Text, HclLiteralKind.Boolean, token.Line, token.Column, token.Start, token.End);
                }

                if (token.Text == "null")
                {
                    return new HclLiteral("null", HclLiteralKind.Null, token.Line, token.Column, token.Start, token.End);
                }

                if (tokens[position].Kind == HclTokenKind.OpenParen)
                {
                    return ParseCall(token);
                }

                // Provider-namespaced functions: provider::name::fn(...)
                if (At(HclTokenKind.Colon) && tokens[CurrentIndex + 1].Kind == HclTokenKind.Colon)
                {
                    var name = token.Text;
                    while (At(HclTokenKind.Colon) && tokens[CurrentIndex + 1].Kind == HclTokenKind.Colon)
                    {
                        position = CurrentIndex + 2;
                        name += "::" + Expect(HclTokenKind.Identifier, "a function name").Text;
                    }

                    return ParseCall(token with { Text = name });
                }

                return new HclVariable(token.Text, token.Line, token.Column, token.Start, token.End);
            case HclTokenKind.OpenQuote:
            case HclTokenKind.OpenHeredoc:
                return ParseTemplate();
            case HclTokenKind.OpenParen:
                {
                    Advance();
                    ignoreNewlines++;
                    var inner = ParseExpression();
                    var close = Expect(HclTokenKind.CloseParen, "')'");
                    ignoreNewlines--;
                    return new HclParenthesized(inner, token.Line, token.Column, token.Start, close.End);
                }

            case HclTokenKind.OpenBracket:
                return ParseTuple();
            case HclTokenKind.OpenBrace:
                return ParseObject();
            default:
                throw Unexpected("an expression");
        }
    }

    private HclFunctionCall ParseCall(HclToken name)
    {
        Enter();
        Expect(HclTokenKind.OpenParen, "'('");
        ignoreNewlines++;
        var arguments = new List<HclExpression>();
        var expand = false;
        while (!At(HclTokenKind.CloseParen))
        {
            arguments.Add(ParseExpression());
            if (Accept(HclTokenKind.Ellipsis))
            {
                expand = true;
                Accept(HclTokenKind.Comma);
                break;
            }

            if (!Accept(HclTokenKind.Comma))
            {
                break;
            }
        }

        var close = Expect(HclTokenKind.CloseParen, $"',' or ')' in the call to {name.Text}");
        ignoreNewlines--;
        Leave();
        return new HclFunctionCall(name.Text, arguments, expand, name.Line, name.Column, name.Start, close.End);
    }

    private HclExpression ParseTuple()
    {
        Enter();
        var open = Advance();
        ignoreNewlines++;
        if (At(HclTokenKind.Identifier) && Current.Text == "for" && IsForIntro())
        {
            var result = ParseFor(open, isObject: false);
            ignoreNewlines--;
            Leave();
            return result;
        }

        var items = new List<HclExpression>();
        while (!At(HclTokenKind.CloseBracket))
        {
            items.Add(ParseExpression());
            if (!Accept(HclTokenKind.Comma))
            {
                break;
            }
        }

        var close = Expect(HclTokenKind.CloseBracket, "',' or ']' in the list");
        ignoreNewlines--;
        Leave();
        return new HclTuple(items, open.Line, open.Column, open.Start, close.End);
    }

    private HclExpression ParseObject()
    {
        Enter();
        var open = Advance();
        ignoreNewlines++;
        if (At(HclTokenKind.Identifier) && Current.Text == "for" && IsForIntro())
        {
            var result = ParseFor(open, isObject: true);
            ignoreNewlines--;
            Leave();
            return result;
        }

        var items = new List<HclObjectItem>();
        while (!At(HclTokenKind.CloseBrace))
        {
            var key = ParseExpression();
            if (!Accept(HclTokenKind.Equals) && !Accept(HclTokenKind.Colon))
            {
                throw Unexpected("'=' or ':' after the object key");
            }

            var value = ParseExpression();
            items.Add(new HclObjectItem(key, value));
            // Items are separated by a comma or a newline; anything else on the same line is an error.
            if (!Accept(HclTokenKind.Comma) && tokens[position].Kind != HclTokenKind.Newline && !At(HclTokenKind.CloseBrace))
            {
                throw Unexpected("',' or a newline between object items");
            }
        }

        var close = Expect(HclTokenKind.CloseBrace, "'}' closing the object");
        ignoreNewlines--;
        Leave();
        return new HclObject(items, open.Line, open.Column, open.Start, close.End);
    }

    /// <summary>True when the <c>for</c> at the cursor starts a for expression (<c>for x in</c> or <c>for k, v in</c>), not a key named "for".</summary>
    private bool IsForIntro()
    {
        var next = position;
        while (tokens[next].Kind == HclTokenKind.Newline)
        {
            next++;
        }

        var after = tokens[next + 1];
        return after.Kind == HclTokenKind.Identifier && tokens[next + 2].Kind is HclTokenKind.Identifier or HclTokenKind.Comma;
    }

    private HclFor ParseFor(HclToken open, bool isObject)
    {
        Advance(); // for
        var first = Expect(HclTokenKind.Identifier, "a variable name after 'for'").Text;
        string? keyVariable = null;
        var valueVariable = first;
        if (Accept(HclTokenKind.Comma))
        {
            keyVariable = first;
            valueVariable = Expect(HclTokenKind.Identifier, "a value variable name").Text;
        }

        var inToken = Expect(HclTokenKind.Identifier, "'in'");
        if (inToken.Text != "in")
        {
            throw new InputFormatException($"expected 'in', found '{inToken.Text}'", inToken.Line, inToken.Column);
        }

        var collection = ParseExpression();
        Expect(HclTokenKind.Colon, "':' in the for expression");
        HclExpression? keyExpression = null;
        var valueExpression = ParseExpression();
        var grouping = false;
        if (isObject)
        {
            Expect(HclTokenKind.FatArrow, "'=>' in the object for expression");
            keyExpression = valueExpression;
            valueExpression = ParseExpression();
            grouping = Accept(HclTokenKind.Ellipsis);
        }

        HclExpression? condition = null;
        if (At(HclTokenKind.Identifier) && Current.Text == "if")
        {
            Advance();
            condition = ParseExpression();
        }

        var close = Expect(isObject ? HclTokenKind.CloseBrace : HclTokenKind.CloseBracket, isObject ? "'}' closing the for expression" : "']' closing the for expression");
        return new HclFor(keyVariable, valueVariable, collection, keyExpression, valueExpression, condition, grouping, isObject, open.Line, open.Column, open.Start, close.End);
    }
}
