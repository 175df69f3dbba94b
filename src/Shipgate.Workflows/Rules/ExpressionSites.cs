using Shipgate.Workflows.Expressions;
using Shipgate.Workflows.GitHubActions;
using Shipgate.Yaml;

namespace Shipgate.Workflows.Rules;

/// <summary>One parsed expression in the document: the scalar holding it and where its body starts in the value.</summary>
internal sealed record ExpressionSite(YamlScalar Scalar, int BodyOffset, string Body, Expr Parsed, bool IsCondition);

/// <summary>Enumerates every expression of a document: each <c>${{ }}</c> in any scalar, and bare <c>if:</c> conditions.</summary>
internal static class ExpressionSites
{
    private const int MaxSites = 50_000;

    public static IEnumerable<ExpressionSite> All(GitHubDocument document)
    {
        var count = 0;
        var stack = new Stack<(YamlNode Node, bool IsIf)>();
        stack.Push((document.Root, false));
        while (stack.Count > 0 && count < MaxSites)
        {
            var (node, isIf) = stack.Pop();
            switch (node)
            {
                case YamlScalar scalar:
                    if (isIf && !scalar.Value.Contains("${{", StringComparison.Ordinal) && scalar.AsBoolean is null && !scalar.IsNull)
                    {
                        if (ExpressionParser.TryParse(scalar.Value) is { } bare)
                        {
                            count++;
                            yield return new ExpressionSite(scalar, 0, scalar.Value, bare, true);
                        }

                        break;
                    }

                    foreach (var template in TemplateExpression.FindAll(scalar.Value))
                    {
                        if (template.Parsed is { } parsed)
                        {
                            count++;
                            yield return new ExpressionSite(scalar, template.BodyStart, template.Body, parsed, isIf);
                        }
                    }

                    break;
                case YamlSequence sequence:
                    for (var i = sequence.Items.Count - 1; i >= 0; i--)
                    {
                        stack.Push((sequence.Items[i], false));
                    }

                    break;
                case YamlMapping mapping:
                    for (var i = mapping.Entries.Count - 1; i >= 0; i--)
                    {
                        var entry = mapping.Entries[i];
                        stack.Push((entry.Value, entry.Key.Value == "if"));
                    }

                    break;
            }
        }
    }
}
