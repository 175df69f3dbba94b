using Shipgate.Core;
using Shipgate.Yaml;

namespace Shipgate.Iac.Kubernetes.Rules;

/// <summary>
/// The base of every Kubernetes rule: a <see cref="Rule{TDocument}"/> over <see cref="KubernetesManifest"/> with
/// helpers that build metadata in the iac category and report at a YAML node. Stateless.
/// </summary>
internal abstract class KubernetesRule : Rule<KubernetesManifest>
{
    /// <summary>
    /// True for rules that fire because a setting is absent. They stay silent on Helm/Go templates, where the
    /// template may well supply the setting through an action that was blanked out.
    /// </summary>
    public virtual bool ReportsMissingSettings => false;

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
        Describe(Category.Iac, id, name, title, severity, confidence, equivalents, description, remediation, RuleStatus.Stable, ["kubernetes", .. tags]);

    /// <summary>Reports at a node: a scalar over its span, a block over its first line only.</summary>
    protected Finding Report(RuleContext context, KubernetesManifest manifest, YamlNode node, string message, string material) =>
        context.Report(this, node is YamlScalar ? manifest.Source.Of(node) : manifest.Source.HeadOf(node), message, material);

    /// <summary>Reports at an entry: <c>key: value</c> for a scalar value, the key's line for a block.</summary>
    protected Finding Report(RuleContext context, KubernetesManifest manifest, YamlEntry entry, string message, string material) =>
        context.Report(this, entry.Value is YamlScalar ? manifest.Source.Of(entry) : manifest.Source.HeadOf(entry.Key), message, material);

    /// <summary>The fingerprint material naming a container: stable across moves and re-indentation.</summary>
    protected static string Key(KubernetesResource resource, Container container, string detail = "") =>
        $"{resource.Kind}/{resource.Namespace}/{resource.Name}/{container.Kind}/{container.Name}/{detail}";

    /// <summary>The fingerprint material naming an object.</summary>
    protected static string Key(KubernetesResource resource, string detail = "") =>
        $"{resource.Kind}/{resource.Namespace}/{resource.Name}/{detail}";

    /// <summary><c>Container 'app' of Deployment 'web'</c>, sentence-initial.</summary>
    protected static string Subject(KubernetesResource resource, Container container)
    {
        var text = container.Display + " of " + resource.Display;
        return char.ToUpperInvariant(text[0]) + text[1..];
    }

    /// <summary>Shortens a value for a message, so a long value never floods a report.</summary>
    protected static string Clip(string value, int max = 60)
    {
        var flat = value.ReplaceLineEndings(" ").Trim();
        return flat.Length <= max ? flat : flat[..(max - 1)] + "…";
    }
}
