using Shipgate.Iac.Iam;
using Shipgate.Iac.Terraform.Hcl;

namespace Shipgate.Iac.Terraform;

/// <summary>
/// Lowers a <c>data "aws_iam_policy_document"</c> block to the JSON policy shape, keeping positions:
/// <c>statement { sid effect actions not_actions resources not_resources principals not_principals condition }</c>
/// become <c>Sid Effect Action NotAction Resource NotResource Principal NotPrincipal Condition</c>. Effect defaults to
/// Allow, as in the provider. Stateless.
/// </summary>
internal static class PolicyDocumentData
{
    private static readonly (string Hcl, string Json)[] Lists =
        [("actions", "Action"), ("not_actions", "NotAction"), ("resources", "Resource"), ("not_resources", "NotResource")];

    public static MapNode Lower(TerraformBlock document)
    {
        var body = document.Body;
        var entries = new List<MapEntry>();
        if (body.Attribute("version") is { } version)
        {
            entries.Add(new MapEntry("Version", version.Line, version.Column, HclValues.Evaluate(version.Value, document.Source, document.Scope)));
        }

        var statements = new List<ValueNode>();
        foreach (var statement in body.BlocksOf("statement"))
        {
            statements.Add(LowerStatement(document, statement));
        }

        entries.Add(new MapEntry("Statement", document.Block.Line, document.Block.Column, new ListNode(statements, document.Block.Line, document.Block.Column)));
        return new MapNode(entries, document.Block.Line, document.Block.Column);
    }

    private static MapNode LowerStatement(TerraformBlock document, HclBlock statement)
    {
        var source = document.Source;
        var body = statement.Body;
        var entries = new List<MapEntry>();
        if (body.Attribute("sid") is { } sid)
        {
            entries.Add(new MapEntry("Sid", sid.Line, sid.Column, HclValues.Evaluate(sid.Value, source, document.Scope)));
        }

        entries.Add(body.Attribute("effect") is { } effect
            ? new MapEntry("Effect", effect.Line, effect.Column, HclValues.Evaluate(effect.Value, source, document.Scope))
            : new MapEntry("Effect", statement.Line, statement.Column, new ScalarNode("Allow", ScalarKind.String, statement.Line, statement.Column)));

        foreach (var (hcl, json) in Lists)
        {
            if (body.Attribute(hcl) is { } attribute)
            {
                entries.Add(new MapEntry(json, attribute.Line, attribute.Column, HclValues.Evaluate(attribute.Value, source, document.Scope)));
            }
        }

        AddPrincipals(body, "principals", "Principal", source, document.Scope, entries);
        AddPrincipals(body, "not_principals", "NotPrincipal", source, document.Scope, entries);

        var conditions = body.BlocksOf("condition").ToList();
        if (conditions.Count > 0)
        {
            var byTest = new List<MapEntry>();
            foreach (var group in conditions.GroupBy(c => document.String(c.Body, "test") ?? "?"))
            {
                var first = group.First();
                var keys = group.Select(c => new MapEntry(
                    document.String(c.Body, "variable") ?? "?", c.Line, c.Column,
                    document.Value(c.Body, "values") ?? new ListNode([], c.Line, c.Column))).ToList();
                byTest.Add(new MapEntry(group.Key, first.Line, first.Column, new MapNode(keys, first.Line, first.Column)));
            }

            entries.Add(new MapEntry("Condition", conditions[0].Line, conditions[0].Column, new MapNode(byTest, conditions[0].Line, conditions[0].Column)));
        }

        return new MapNode(entries, statement.Line, statement.Column);
    }

    private static void AddPrincipals(HclBody body, string blockType, string key, string source, TerraformScope scope, List<MapEntry> entries)
    {
        var blocks = body.BlocksOf(blockType).ToList();
        if (blocks.Count == 0)
        {
            return;
        }

        var first = blocks[0];
        var typed = new List<MapEntry>();
        foreach (var block in blocks)
        {
            var type = block.Body.Attribute("type") is { } t ? HclValues.Evaluate(t.Value, source, scope).AsString() ?? "?" : "?";
            var identifiers = block.Body.Attribute("identifiers") is { } ids
                ? HclValues.Evaluate(ids.Value, source, scope)
                : new ListNode([], block.Line, block.Column);
            if (type == "*")
            {
                // principals { type = "*", identifiers = ["*"] } is the JSON "Principal": "*".
                entries.Add(new MapEntry(key, block.Line, block.Column, new ScalarNode("*", ScalarKind.String, block.Line, block.Column)));
                return;
            }

            typed.Add(new MapEntry(type, block.Line, block.Column, identifiers));
        }

        entries.Add(new MapEntry(key, first.Line, first.Column, new MapNode(typed, first.Line, first.Column)));
    }
}
