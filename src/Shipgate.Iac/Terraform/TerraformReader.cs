using Shipgate.Core;
using Shipgate.Iac.Iam;
using Shipgate.Iac.Terraform.Hcl;

namespace Shipgate.Iac.Terraform;

/// <summary>
/// Parses a <c>.tf</c> file and finds its IAM policies: <c>jsonencode({…})</c>, heredoc or quoted JSON in policy
/// attributes of any resource (<c>policy</c>, <c>assume_role_policy</c>, <c>inline_policy</c>, <c>access_policy</c>,
/// nested <c>inline_policy { policy = … }</c>), and <c>data "aws_iam_policy_document"</c> blocks, whose statement
/// blocks are lowered to the JSON policy shape. Policies built from references (<c>data.x.json</c>) are analysed
/// where they are defined. Stateless.
/// </summary>
internal static class TerraformReader
{
    private static readonly string[] PolicyAttributes = ["policy", "assume_role_policy", "inline_policy", "access_policy", "resource_policy"];

    private static readonly HashSet<string> IdentityPolicyTypes = new(StringComparer.Ordinal)
    {
        "aws_iam_policy", "aws_iam_role_policy", "aws_iam_user_policy", "aws_iam_group_policy",
        "aws_ssoadmin_permission_set_inline_policy", "aws_iam_role",
    };

    /// <summary>Parses <paramref name="source"/>; with <paramref name="fullPath"/>, variables and locals of its directory resolve.</summary>
    public static TerraformFile Read(string source, string? fullPath = null, IReadOnlyDictionary<string, ValueNode>? inputs = null)
    {
        var body = HclParser.Parse(source);
        var scope = TerraformScope.For(body, source, fullPath, inputs);
        var resources = new List<TerraformBlock>();
        var data = new List<TerraformBlock>();
        foreach (var block in body.Blocks)
        {
            if (block.Type == "resource" && block.Labels.Count == 2)
            {
                resources.Add(new TerraformBlock(block, source, scope));
            }
            else if (block.Type == "data" && block.Labels.Count == 2)
            {
                data.Add(new TerraformBlock(block, source, scope));
            }
        }

        var policies = new List<PolicyDocument>();
        foreach (var resource in resources)
        {
            CollectPolicies(resource, resource.Body, source, policies);
            foreach (var nested in resource.Body.BlocksOf("inline_policy"))
            {
                CollectPolicies(resource, nested.Body, source, policies);
            }
        }

        foreach (var document in data.Where(d => d.Type == "aws_iam_policy_document"))
        {
            policies.Add(PolicyReader.Read(PolicyDocumentData.Lower(document), document.Address, PolicyKind.Unknown));
        }

        return new TerraformFile { Body = body, Source = source, Resources = resources, DataSources = data, Policies = policies, Scope = scope };
    }

    private static void CollectPolicies(TerraformBlock resource, HclBody body, string source, List<PolicyDocument> policies)
    {
        foreach (var name in PolicyAttributes)
        {
            if (body.Attribute(name) is not { } attribute)
            {
                continue;
            }

            var kind = name == "assume_role_policy" ? PolicyKind.Trust
                : IdentityPolicyTypes.Contains(resource.Type) ? PolicyKind.Identity
                : PolicyKind.Resource;
            var (value, problem) = ToPolicyValue(attribute.Value, source, resource.Scope);
            if (value is not null)
            {
                policies.Add(PolicyReader.Read(value, resource.Address, kind));
            }
            else if (problem is not null)
            {
                policies.Add(new PolicyDocument { Origin = resource.Address, Kind = kind, Line = problem.Line, Column = problem.Column, Problems = [problem] });
            }
        }
    }

    /// <summary>The policy value of an attribute: an object (jsonencode) or JSON text (heredoc, quoted string).</summary>
    private static (ValueNode? Value, PolicyProblem? Problem) ToPolicyValue(HclExpression expression, string source, TerraformScope scope)
    {
        if (expression is HclTemplate template)
        {
            return FromTemplate(template, source);
        }

        var value = HclValues.Evaluate(expression, source, scope);
        return (PolicyReader.LooksLikePolicy(value) ? value : null, null);
    }

    private static (ValueNode? Value, PolicyProblem? Problem) FromTemplate(HclTemplate template, string source)
    {
        if (template.IsHeredoc)
        {
            var raw = source[template.BodyStart..template.BodyEnd];
            if (!raw.TrimStart().StartsWith('{'))
            {
                return (null, null);
            }

            try
            {
                var parsed = PositionedJson.Parse(raw, template.BodyLine, 1);
                return (PolicyReader.LooksLikePolicy(parsed) ? parsed : null, null);
            }
            catch (InputFormatException error) when (template.LiteralValue is not null && raw.Contains("Statement", StringComparison.Ordinal))
            {
                // Plain (non-interpolated) JSON that does not parse: AWS would reject it.
                var message = "the policy is not valid JSON (" + error.Message.Replace("invalid JSON: ", "", StringComparison.Ordinal) + ")";
                return (null, new PolicyProblem(message, error.Line ?? template.BodyLine, error.Column ?? 1));
            }
            catch (InputFormatException)
            {
                return (null, null);
            }
        }

        if (template.LiteralValue is not { } text || !text.TrimStart().StartsWith('{'))
        {
            return (null, null);
        }

        try
        {
            var parsed = PolicyLocator.Relocate(PositionedJson.Parse(text), template.Line, template.Column);
            return (PolicyReader.LooksLikePolicy(parsed) ? parsed : null, null);
        }
        catch (InputFormatException)
        {
            return (null, null);
        }
    }
}
