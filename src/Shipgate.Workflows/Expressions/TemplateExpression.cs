namespace Shipgate.Workflows.Expressions;

/// <summary>
/// One <c>${{ ... }}</c> occurrence in a string: where it starts (at <c>$</c>), where its body starts,
/// the body text, and the parsed body (null when it does not parse). Immutable.
/// </summary>
public sealed record TemplateExpression(int Start, int End, int BodyStart, string Body, Expr? Parsed)
{
    /// <summary>Finds every <c>${{ }}</c> in <paramref name="text"/>; <c>}}</c> inside string literals does not close it.</summary>
    public static IReadOnlyList<TemplateExpression> FindAll(string text)
    {
        var found = new List<TemplateExpression>();
        var at = 0;
        while (found.Count < 10_000)
        {
            var open = text.IndexOf("${{", at, StringComparison.Ordinal);
            if (open < 0)
            {
                break;
            }

            var bodyStart = open + 3;
            var close = FindClose(text, bodyStart);
            if (close < 0)
            {
                break;
            }

            var body = text[bodyStart..close];
            found.Add(new TemplateExpression(open, close + 2, bodyStart, body, ExpressionParser.TryParse(body)));
            at = close + 2;
        }

        return found;
    }

    /// <summary>True when the whole string is one <c>${{ }}</c> (surrounding whitespace allowed).</summary>
    public static TemplateExpression? AsWhole(string text)
    {
        var trimmed = text.Trim();
        if (!trimmed.StartsWith("${{", StringComparison.Ordinal) || !trimmed.EndsWith("}}", StringComparison.Ordinal))
        {
            return null;
        }

        var all = FindAll(text);
        return all.Count == 1 && all[0].Start == text.IndexOf("${{", StringComparison.Ordinal) && all[0].End == text.TrimEnd().Length ? all[0] : null;
    }

    /// <summary>Offset in the enclosing text of an offset inside the body.</summary>
    public int TextOffsetOf(int bodyOffset) => BodyStart + bodyOffset;

    private static int FindClose(string text, int from)
    {
        var inString = false;
        for (var i = from; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\'')
            {
                inString = !inString;
            }
            else if (!inString && c == '}' && i + 1 < text.Length && text[i + 1] == '}')
            {
                return i;
            }
        }

        return -1;
    }
}
