using Shipgate.Iac.Iam;
using Shipgate.Iac.Terraform.Hcl;

namespace Shipgate.Iac.Terraform;

/// <summary>One <c>resource</c> or <c>data</c> block: its type, name and body, with typed attribute access.</summary>
internal sealed class TerraformBlock
{
    public TerraformBlock(HclBlock block, string source, TerraformScope? scope = null)
    {
        Block = block;
        Source = source;
        Scope = scope ?? TerraformScope.Empty;
        Type = block.Labels.Count > 0 ? block.Labels[0] : "";
        Name = block.Labels.Count > 1 ? block.Labels[1] : "";
    }

    public HclBlock Block { get; }

    public string Source { get; }

    /// <summary>What <c>var.</c> and <c>local.</c> references in the block resolve to.</summary>
    public TerraformScope Scope { get; }

    public string Type { get; }

    public string Name { get; }

    /// <summary>The Terraform address: <c>aws_s3_bucket.logs</c>, or <c>data.aws_iam_policy_document.x</c>.</summary>
    public string Address => Block.Type == "data" ? $"data.{Type}.{Name}" : $"{Type}.{Name}";

    public HclBody Body => Block.Body;

    public HclAttribute? Attribute(string name) => Body.Attribute(name);

    /// <summary>The statically known value of an attribute, or null when absent.</summary>
    public ValueNode? Value(string name) => Value(Body, name);

    public ValueNode? Value(HclBody body, string name) =>
        body.Attribute(name) is { } attribute ? HclValues.Evaluate(attribute.Value, Source, Scope) : null;

    /// <summary>True/false for a boolean literal (or the strings "true"/"false"); null when absent or not static.</summary>
    public bool? Bool(string name) => Bool(Body, name);

    public bool? Bool(HclBody body, string name) => Value(body, name).AsScalarText() switch
    {
        "true" => true,
        "false" => false,
        _ => null,
    };

    public string? String(string name) => Value(name).AsScalarText();

    public string? String(HclBody body, string name) => Value(body, name).AsScalarText();

    /// <summary>The known string items of a list attribute (unknown items are skipped).</summary>
    public IReadOnlyList<string> Strings(HclBody body, string name) =>
        [.. Value(body, name).Items().Select(i => i.AsScalarText()).OfType<string>()];
}

/// <summary>
/// A parsed Terraform file: its resources and data sources, and the IAM policies found in it. Built once by
/// <see cref="TerraformReader"/> and handed to every TF rule. Immutable.
/// </summary>
internal sealed class TerraformFile
{
    public required HclBody Body { get; init; }

    public required string Source { get; init; }

    public required IReadOnlyList<TerraformBlock> Resources { get; init; }

    public required IReadOnlyList<TerraformBlock> DataSources { get; init; }

    public required IReadOnlyList<PolicyDocument> Policies { get; init; }

    /// <summary>What <c>var.</c> and <c>local.</c> references in the file resolve to.</summary>
    public TerraformScope Scope { get; init; } = TerraformScope.Empty;

    public IEnumerable<TerraformBlock> ResourcesOf(params string[] types) => Resources.Where(r => types.Contains(r.Type, StringComparer.Ordinal));

    /// <summary>True when some resource of <paramref name="type"/> refers to <paramref name="target"/> (an address such as <c>aws_s3_bucket.logs</c>) in <paramref name="attribute"/>.</summary>
    public bool IsReferencedBy(string type, string attribute, TerraformBlock target) =>
        ResourcesOf(type).Any(r => r.Attribute(attribute) is { } a
            && (HclValues.TraversalName(a.Value) is { } name && (name == target.Address || name.StartsWith(target.Address + ".", StringComparison.Ordinal))
                || (target.String("bucket") is { } literal && r.String(attribute) == literal)));
}
