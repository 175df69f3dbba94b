using System.Globalization;
using System.Text;

namespace Shipgate.Workflows.Expressions;

/// <summary>A value of the expression language: null, boolean, number or string.</summary>
public sealed record ExprValue(LiteralKind Kind, bool Boolean = false, double Number = 0, string? Text = null)
{
    public static ExprValue Null { get; } = new(LiteralKind.Null);

    public static ExprValue Of(bool value) => new(LiteralKind.Boolean, Boolean: value);

    public static ExprValue Of(double value) => new(LiteralKind.Number, Number: value);

    public static ExprValue Of(string value) => new(LiteralKind.Text, Text: value);

    /// <summary>GitHub's truthiness: false, 0, -0, NaN, '' and null are falsy.</summary>
    public bool IsTruthy => Kind switch
    {
        LiteralKind.Null => false,
        LiteralKind.Boolean => Boolean,
        LiteralKind.Number => Number != 0 && !double.IsNaN(Number),
        _ => !string.IsNullOrEmpty(Text),
    };

    /// <summary>Conversion to number for loose comparisons.</summary>
    public double AsNumber() => Kind switch
    {
        LiteralKind.Null => 0,
        LiteralKind.Boolean => Boolean ? 1 : 0,
        LiteralKind.Number => Number,
        _ => string.IsNullOrWhiteSpace(Text) ? 0
            : Text.Trim().StartsWith("0x", StringComparison.OrdinalIgnoreCase) && long.TryParse(Text.Trim()[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var hex) ? hex
            : double.TryParse(Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : double.NaN,
    };

    /// <summary>How the value prints when interpolated into a string.</summary>
    public string AsString() => Kind switch
    {
        LiteralKind.Null => "",
        LiteralKind.Boolean => Boolean ? "true" : "false",
        LiteralKind.Number => Number.ToString(CultureInfo.InvariantCulture),
        _ => Text ?? "",
    };
}

/// <summary>
/// Evaluates the constant part of expressions (literals, operators and pure functions over them), the way
/// the runner would. Anything that reads a context or a status function is not constant and yields null.
/// Stateless and thread-safe.
/// </summary>
public static class ExpressionEvaluator
{
    /// <summary>The value of a constant expression, or null when it depends on contexts or runtime state.</summary>
    public static ExprValue? TryEvaluate(Expr expr)
    {
        switch (expr)
        {
            case LiteralExpr literal:
                return literal.Kind switch
                {
                    LiteralKind.Null => ExprValue.Null,
                    LiteralKind.Boolean => ExprValue.Of((bool)literal.Value!),
                    LiteralKind.Number => ExprValue.Of((double)literal.Value!),
                    _ => ExprValue.Of((string)literal.Value!),
                };
            case GroupExpr group:
                return TryEvaluate(group.Inner);
            case NotExpr not:
                return TryEvaluate(not.Operand) is { } operand ? ExprValue.Of(!operand.IsTruthy) : null;
            case BinaryExpr binary:
                return EvaluateBinary(binary);
            case CallExpr call:
                return EvaluateCall(call);
            default:
                return null;
        }
    }

    private static ExprValue? EvaluateBinary(BinaryExpr binary)
    {
        var left = TryEvaluate(binary.Left);
        if (binary.Operator == BinaryOperator.And)
        {
            // `a && b` is a when a is falsy, whatever b is.
            return left is null ? null : !left.IsTruthy ? left : TryEvaluate(binary.Right);
        }

        if (binary.Operator == BinaryOperator.Or)
        {
            return left is null ? null : left.IsTruthy ? left : TryEvaluate(binary.Right);
        }

        var right = TryEvaluate(binary.Right);
        if (left is null || right is null)
        {
            return null;
        }

        return binary.Operator switch
        {
            BinaryOperator.Equal => ExprValue.Of(LooseEquals(left, right)),
            BinaryOperator.NotEqual => ExprValue.Of(!LooseEquals(left, right)),
            _ => ExprValue.Of(Compare(binary.Operator, left, right)),
        };
    }

    /// <summary>GitHub's <c>==</c>: same-type compare (strings ignore case), otherwise both sides as numbers.</summary>
    public static bool LooseEquals(ExprValue left, ExprValue right)
    {
        if (left.Kind == right.Kind)
        {
            return left.Kind switch
            {
                LiteralKind.Null => true,
                LiteralKind.Boolean => left.Boolean == right.Boolean,
                LiteralKind.Number => left.Number == right.Number,
                _ => string.Equals(left.Text, right.Text, StringComparison.OrdinalIgnoreCase),
            };
        }

        return left.AsNumber() == right.AsNumber();
    }

    private static bool Compare(BinaryOperator op, ExprValue left, ExprValue right)
    {
        int order;
        if (left.Kind == LiteralKind.Text && right.Kind == LiteralKind.Text)
        {
            order = string.Compare(left.Text, right.Text, StringComparison.OrdinalIgnoreCase);
        }
        else
        {
            var (a, b) = (left.AsNumber(), right.AsNumber());
            if (double.IsNaN(a) || double.IsNaN(b))
            {
                return false;
            }

            order = a.CompareTo(b);
        }

        return op switch
        {
            BinaryOperator.Less => order < 0,
            BinaryOperator.LessOrEqual => order <= 0,
            BinaryOperator.Greater => order > 0,
            _ => order >= 0,
        };
    }

    private static ExprValue? EvaluateCall(CallExpr call)
    {
        var name = call.Name.ToLowerInvariant();
        if (name is not ("format" or "contains" or "startswith" or "endswith" or "join" or "tojson"))
        {
            return null;
        }

        var args = new List<ExprValue>(call.Arguments.Count);
        foreach (var argument in call.Arguments)
        {
            if (TryEvaluate(argument) is not { } value)
            {
                return null;
            }

            args.Add(value);
        }

        switch (name)
        {
            case "format" when args.Count >= 1:
                return Format(args[0].AsString(), args.Skip(1).Select(a => a.AsString()).ToArray()) is { } formatted ? ExprValue.Of(formatted) : null;
            case "contains" when args.Count == 2:
                return ExprValue.Of(args[0].AsString().Contains(args[1].AsString(), StringComparison.OrdinalIgnoreCase));
            case "startswith" when args.Count == 2:
                return ExprValue.Of(args[0].AsString().StartsWith(args[1].AsString(), StringComparison.OrdinalIgnoreCase));
            case "endswith" when args.Count == 2:
                return ExprValue.Of(args[0].AsString().EndsWith(args[1].AsString(), StringComparison.OrdinalIgnoreCase));
            case "join" when args.Count is 1 or 2:
                return ExprValue.Of(args[0].AsString());
            case "tojson" when args.Count == 1:
                return ExprValue.Of(args[0].Kind == LiteralKind.Text ? System.Text.Json.JsonSerializer.Serialize(args[0].Text) : args[0].Kind == LiteralKind.Null ? "null" : args[0].AsString());
            default:
                return null;
        }
    }

    /// <summary><c>format('{0} {1}', a, b)</c> with <c>{{</c>/<c>}}</c> escapes; null when the pattern is malformed.</summary>
    public static string? Format(string pattern, IReadOnlyList<string> args)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '{' && i + 1 < pattern.Length && pattern[i + 1] == '{')
            {
                builder.Append('{');
                i++;
            }
            else if (c == '}' && i + 1 < pattern.Length && pattern[i + 1] == '}')
            {
                builder.Append('}');
                i++;
            }
            else if (c == '{')
            {
                var close = pattern.IndexOf('}', i);
                if (close < 0 || !int.TryParse(pattern.AsSpan(i + 1, close - i - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= args.Count)
                {
                    return null;
                }

                builder.Append(args[index]);
                i = close;
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
