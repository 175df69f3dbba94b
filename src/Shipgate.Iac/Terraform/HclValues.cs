using Shipgate.Iac.Iam;
using Shipgate.Iac.Terraform.Hcl;

namespace Shipgate.Iac.Terraform;

/// <summary>
/// Static evaluation of HCL expressions, as far as it goes without state: literals, plain templates, lists, objects,
/// <c>jsonencode(…)</c> (the object it encodes), <c>tolist</c>/<c>toset</c>, parentheses, <c>concat</c> of known
/// lists, and <c>var.NAME</c> / <c>local.NAME</c> when a <see cref="TerraformScope"/> knows them. Everything else (references, other functions, operators, conditionals, for
/// expressions, interpolated strings) becomes an <see cref="UnknownNode"/> holding the source form. Stateless.
/// </summary>
internal static class HclValues
{
    private const int MaxDescription = 120;

    public static ValueNode Evaluate(HclExpression expression, string source, TerraformScope? scope = null)
    {
        ArgumentNullException.ThrowIfNull(expression);
        switch (expression)
        {
            case HclGetAttribute { Source: HclVariable { Name: "var" or "local" } root } reference
                when scope?.Resolve(root.Name, reference.Name) is { } resolved:
                return TerraformScope.Relocate(resolved, reference.Line, reference.Column);
            case HclLiteral literal:
                var kind = literal.Kind switch
                {
                    HclLiteralKind.Number => ScalarKind.Number,
                    HclLiteralKind.Boolean => ScalarKind.Boolean,
                    _ => ScalarKind.Null,
                };
                return new ScalarNode(literal.Text, kind, literal.Line, literal.Column);
            case HclTemplate template:
                if (template.LiteralValue is { } text)
                {
                    return new ScalarNode(text, ScalarKind.String, template.IsHeredoc ? template.BodyLine : template.Line, template.IsHeredoc ? 1 : template.Column);
                }

                if (!template.IsHeredoc && template.Parts is [HclTemplateInterpolation only])
                {
                    return Evaluate(only.Expression, source, scope);
                }

                break;
            case HclParenthesized parenthesized:
                return Evaluate(parenthesized.Inner, source, scope);
            case HclTuple tuple:
                return new ListNode([.. tuple.Items.Select(i => Evaluate(i, source, scope))], tuple.Line, tuple.Column);
            case HclObject obj:
                return EvaluateObject(obj, source, scope);
            case HclFunctionCall { Name: "jsonencode" or "tolist" or "toset", Arguments.Count: 1, ExpandFinal: false } call:
                return Evaluate(call.Arguments[0], source, scope);
            case HclFunctionCall { Name: "concat", ExpandFinal: false } concat:
                var parts = concat.Arguments.Select(a => Evaluate(a, source, scope)).ToList();
                if (parts.All(p => p is ListNode))
                {
                    return new ListNode([.. parts.SelectMany(p => ((ListNode)p).Items)], concat.Line, concat.Column);
                }

                break;
        }

        return new UnknownNode(SourceOf(expression, source), expression.Line, expression.Column);
    }

    /// <summary>The source text of a node, flattened to one line and clipped.</summary>
    public static string SourceOf(HclNode node, string source)
    {
        var start = Math.Clamp(node.Start, 0, source.Length);
        var end = Math.Clamp(node.End, start, source.Length);
        var text = string.Join(' ', source[start..end].Split(['\n', '\r', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
        return text.Length <= MaxDescription ? text : text[..(MaxDescription - 1)] + "…";
    }

    /// <summary>A root.attr.attr traversal as a dotted name (<c>aws_s3_bucket.logs.id</c>), or null.</summary>
    public static string? TraversalName(HclExpression expression) => expression switch
    {
        HclVariable variable => variable.Name,
        HclGetAttribute get when TraversalName(get.Source) is { } root => root + "." + get.Name,
        HclIndex index when TraversalName(index.Source) is { } root => root,
        HclSplat splat when TraversalName(splat.Source) is { } root => root,
        HclTemplate { IsHeredoc: false, Parts: [HclTemplateInterpolation only] } => TraversalName(only.Expression),
        _ => null,
    };

    private static MapNode EvaluateObject(HclObject obj, string source, TerraformScope? scope)
    {
        var entries = new List<MapEntry>();
        foreach (var item in obj.Items)
        {
            var key = item.Key switch
            {
                HclVariable variable => variable.Name,
                HclTemplate template => template.LiteralValue,
                HclParenthesized parenthesized => Evaluate(parenthesized.Inner, source, scope).AsString(),
                _ => null,
            };
            if (key is not null)
            {
                entries.Add(new MapEntry(key, item.Key.Line, item.Key.Column, Evaluate(item.Value, source, scope)));
            }
        }

        return new MapNode(entries, obj.Line, obj.Column);
    }
}
