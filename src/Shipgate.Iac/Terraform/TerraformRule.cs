using Shipgate.Core;
using Shipgate.Iac.Terraform.Hcl;

namespace Shipgate.Iac.Terraform;

/// <summary>
/// The base of every Terraform rule: a <see cref="Rule{TDocument}"/> over <see cref="TerraformFile"/> with metadata in
/// the iac category and reporting at a block or attribute. Stateless.
/// </summary>
internal abstract class TerraformRule : Rule<TerraformFile>
{
    protected static RuleMetadata Define(
        string id,
        string name,
        string title,
        Severity severity,
        Confidence confidence,
        string[] equivalents,
        string description,
        string remediation,
        params string[] tags) =>
        Describe(Category.Iac, id, name, title, severity, confidence, equivalents, description, remediation, RuleStatus.Stable, ["security", "terraform", .. tags]);

    protected Finding Report(RuleContext context, HclNode node, string message, string material) =>
        context.Report(this, Location.Point(context.DisplayPath, node.Line, node.Column), message, material);

    /// <summary>The attribute when present, else the block: where a finding about a missing or wrong setting points.</summary>
    protected static HclNode At(TerraformBlock resource, string attribute) => (HclNode?)resource.Attribute(attribute) ?? resource.Block;
}
