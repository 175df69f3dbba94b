using Shipgate.Core;

namespace Shipgate.Containers.Images.Rules;

/// <summary>
/// The base of every image package rule: a <see cref="Rule{TDocument}"/> over <see cref="ImagePackagesDocument"/>
/// with metadata in the docker category. Stateless.
/// </summary>
internal abstract class ImagePackageRule : Rule<ImagePackagesDocument>
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
}
