using System.Text;

namespace Shipgate.Workflows.Expressions;

/// <summary>
/// A context reference inside an expression (<c>github.event.issue.title</c>, <c>inputs['name']</c>,
/// <c>fromJSON(x).field</c>) with its span, and its normalised pattern: lower-case, dotted, with
/// literal string indices as members and numeric or star indices as <c>*</c>. Immutable.
/// </summary>
public sealed record ContextAccess(Expr Node, string? Pattern)
{
    /// <summary>The first pattern segment (<c>github</c>, <c>inputs</c>, ...), or null when call-led.</summary>
    public string? Root => Pattern is null ? null : Pattern.Split('.')[0];

    /// <summary>True when the pattern is <paramref name="prefix"/> or starts with it followed by a dot.</summary>
    public bool IsUnder(string prefix) =>
        Pattern is not null
        && (Pattern == prefix || (Pattern.StartsWith(prefix, StringComparison.Ordinal) && Pattern.Length > prefix.Length && Pattern[prefix.Length] == '.'));

    /// <summary>Normalised pattern of a context chain, or null when it is call- or group-led or has a computed index.</summary>
    public static string? PatternOf(Expr expr)
    {
        var parts = new List<string>();
        var current = expr;
        while (true)
        {
            switch (current)
            {
                case IdentifierExpr id:
                    parts.Add(id.Name.ToLowerInvariant());
                    parts.Reverse();
                    return Join(parts);
                case MemberExpr member:
                    parts.Add(member.Name.ToLowerInvariant());
                    current = member.Target;
                    break;
                case IndexExpr index:
                    switch (index.Index)
                    {
                        case StarExpr:
                            parts.Add("*");
                            break;
                        case LiteralExpr { Kind: LiteralKind.Text, Text: { } key }:
                            parts.Add(key.ToLowerInvariant());
                            break;
                        case LiteralExpr { Kind: LiteralKind.Number }:
                            parts.Add("*");
                            break;
                        default:
                            return null;
                    }

                    current = index.Target;
                    break;
                default:
                    return null;
            }
        }
    }

    /// <summary>True when <paramref name="expr"/> is a chain of member/index accesses (or a bare identifier).</summary>
    public static bool IsContextChain(Expr expr) => expr is IdentifierExpr or MemberExpr or IndexExpr;

    private static string Join(List<string> parts)
    {
        var builder = new StringBuilder();
        foreach (var part in parts)
        {
            if (builder.Length > 0)
            {
                builder.Append('.');
            }

            builder.Append(part);
        }

        return builder.ToString();
    }
}

/// <summary>Walks parsed expressions: the contexts whose values can reach the result, and every context read.</summary>
public static class ExpressionAnalysis
{
    private static readonly HashSet<string> PassThroughFunctions = new(StringComparer.OrdinalIgnoreCase)
    {
        "format", "join", "tojson", "fromjson",
    };

    /// <summary>
    /// The contexts whose value can flow into the expression's result (what an attacker could inject):
    /// operands of <c>||</c>, the right side of <c>&amp;&amp;</c>, arguments of <c>format</c>, <c>join</c>, <c>toJSON</c>,
    /// <c>fromJSON</c>; never the operands of comparisons or of boolean functions.
    /// </summary>
    public static IReadOnlyList<ContextAccess> DataflowContexts(Expr expr)
    {
        var found = new List<ContextAccess>();
        Collect(expr, found);
        return found;
    }

    private static void Collect(Expr expr, List<ContextAccess> found)
    {
        switch (expr)
        {
            case LiteralExpr or StarExpr or NotExpr:
                return;
            case IdentifierExpr or MemberExpr or IndexExpr:
                found.Add(new ContextAccess(expr, ContextAccess.PatternOf(expr)));
                return;
            case GroupExpr group:
                Collect(group.Inner, found);
                return;
            case BinaryExpr { Operator: BinaryOperator.Or } binary:
                Collect(binary.Left, found);
                Collect(binary.Right, found);
                return;
            case BinaryExpr { Operator: BinaryOperator.And } binary:
                // `a && b` is only a when a is falsy (false, '', 0, null): the left side is a condition.
                Collect(binary.Right, found);
                return;
            case BinaryExpr:
                return;
            case CallExpr call when PassThroughFunctions.Contains(call.Name):
                foreach (var argument in call.Arguments)
                {
                    Collect(argument, found);
                }

                return;
            default:
                return;
        }
    }

    /// <summary>Every context chain in the expression (outermost chains only), in source order.</summary>
    public static IReadOnlyList<ContextAccess> AllContexts(Expr expr)
    {
        var found = new List<ContextAccess>();
        Visit(expr, found);
        return found;

        static void Visit(Expr node, List<ContextAccess> found)
        {
            switch (node)
            {
                case IdentifierExpr or MemberExpr or IndexExpr:
                    found.Add(new ContextAccess(node, ContextAccess.PatternOf(node)));
                    foreach (var inner in ChainChildren(node))
                    {
                        Visit(inner, found);
                    }

                    return;
                default:
                    foreach (var child in Children(node))
                    {
                        Visit(child, found);
                    }

                    return;
            }
        }
    }

    /// <summary>Direct sub-expressions of a node.</summary>
    public static IEnumerable<Expr> Children(Expr node) => node switch
    {
        MemberExpr m => [m.Target],
        IndexExpr i => [i.Target, i.Index],
        CallExpr c => c.Arguments,
        NotExpr n => [n.Operand],
        GroupExpr g => [g.Inner],
        BinaryExpr b => [b.Left, b.Right],
        _ => [],
    };

    /// <summary>Every node of the tree, parents before children.</summary>
    public static IEnumerable<Expr> Descendants(Expr node)
    {
        var stack = new Stack<Expr>();
        stack.Push(node);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            yield return current;
            foreach (var child in Children(current).Reverse())
            {
                stack.Push(child);
            }
        }
    }

    // Sub-expressions of a chain that are not part of the chain itself: computed indices and a call or group at the root.
    private static IEnumerable<Expr> ChainChildren(Expr node)
    {
        var current = node;
        while (true)
        {
            switch (current)
            {
                case MemberExpr m:
                    current = m.Target;
                    break;
                case IndexExpr i:
                    if (i.Index is not StarExpr and not LiteralExpr)
                    {
                        yield return i.Index;
                    }

                    current = i.Target;
                    break;
                case IdentifierExpr:
                    yield break;
                default:
                    yield return current;
                    yield break;
            }
        }
    }
}
