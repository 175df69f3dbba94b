using Shipgate.Core;

namespace Shipgate.Dependencies.Rules;

/// <summary>
/// The base of every dependency rule: a <see cref="Rule{TDocument}"/> over <see cref="DependencyDocument"/> with helpers
/// that build metadata in the deps category and report at a package or a line. Rules are stateless; options come from
/// the configuration through the <see cref="RuleContext"/>.
/// </summary>
public abstract class DependencyRule : Rule<DependencyDocument>
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
        RuleStatus status = RuleStatus.Stable,
        params string[] tags) =>
        Describe(Category.Deps, id, name, title, severity, confidence, equivalents, description, remediation, status, tags);

    /// <summary>A finding at a package; the fingerprint is the package identity plus <paramref name="material"/>, never the line.</summary>
    protected Finding Report(RuleContext context, DependencyDocument document, Package package, string message, string material, Severity? severity = null, Confidence? confidence = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(package);
        var properties = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["package"] = package.Name,
            ["ecosystem"] = package.Ecosystem.OsvName(),
        };
        if (package.Version.Length > 0)
        {
            properties["version"] = package.Version;
            properties["purl"] = package.Purl;
        }

        return context.Report(this, document.LocationOf(package), message, $"{package.Ecosystem.OsvName()}:{package.Name}@{package.Version} {material}",
            properties: properties, severity: severity, confidence: confidence);
    }

    /// <summary>A finding at a line of the file.</summary>
    protected Finding Report(RuleContext context, DependencyDocument document, int line, string message, string material, string? narrowTo = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(document);
        return context.Report(this, document.LocationOf(line, narrowTo), message, material);
    }

    /// <summary>Shortens a value for a message, so a long URL never floods a report.</summary>
    protected static string Clip(string value, int max = 100)
    {
        ArgumentNullException.ThrowIfNull(value);
        var flat = value.ReplaceLineEndings(" ").Trim();
        return flat.Length <= max ? flat : flat[..(max - 1)] + "…";
    }
}
