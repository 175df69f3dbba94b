using Shipgate.Core;

namespace Shipgate.Containers.Images.Rules;

/// <summary>
/// The base of every image-config rule: a <see cref="Rule{TDocument}"/> over <see cref="ImageConfigDocument"/> with
/// helpers that define metadata in the docker category and report at a line of the rendered config. Stateless.
/// </summary>
internal abstract class ImageRule : Rule<ImageConfigDocument>
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
        Describe(Category.Docker, id, name, title, severity, confidence, equivalents, description, remediation, RuleStatus.Stable, tags);

    protected Finding Report(RuleContext context, ImageConfigDocument document, int line, string message, string material) =>
        context.Report(this, Location.Point(context.DisplayPath, line, 1), message, material);
}
