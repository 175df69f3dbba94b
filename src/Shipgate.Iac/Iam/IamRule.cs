using Shipgate.Core;

namespace Shipgate.Iac.Iam;

/// <summary>
/// The base of every IAM rule: a <see cref="Rule{TDocument}"/> over <see cref="PolicyDocument"/>, whichever file the
/// policy came from (JSON, Terraform, CloudFormation). Builds metadata in the iac category and reports at a policy
/// position. Stateless.
/// </summary>
internal abstract class IamRule : Rule<PolicyDocument>
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
        Describe(Category.Iac, id, name, title, severity, confidence, equivalents, description, remediation, RuleStatus.Stable, ["security", "iam", .. tags]);

    protected Finding Report(RuleContext context, PolicyDocument policy, int line, int column, string message, string material) =>
        context.Report(this, Location.Point(context.DisplayPath, line, column), message, policy.Origin + "|" + material);

    /// <summary>The Allow statements of a policy (a missing Effect counts, see <see cref="PolicyStatement.IsAllow"/>).</summary>
    protected static IEnumerable<PolicyStatement> Allows(PolicyDocument policy) => policy.Statements.Where(s => s.IsAllow);

    /// <summary>Joins values for a message, quoted, at most a few.</summary>
    protected static string List(IEnumerable<string> values, int max = 4)
    {
        var all = values.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var shown = string.Join(", ", all.Take(max).Select(v => "'" + v + "'"));
        return all.Count > max ? $"{shown} and {all.Count - max} more" : shown;
    }
}
