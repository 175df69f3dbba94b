using System.Text;
using Shipgate.Yaml;

namespace Shipgate.Iac.Kubernetes;

/// <summary>
/// Reads a manifest file (YAML stream or JSON) into <see cref="KubernetesManifest"/>: every document whose root is a
/// mapping with <c>apiVersion</c> and <c>kind</c> becomes a resource, and <c>*List</c> kinds contribute their
/// <c>items</c>. Other documents are ignored. Helm/Go templates (<c>{{ … }}</c>) are read best-effort: the actions are
/// blanked out (positions kept) and a template that still is not YAML yields what parsed rather than an error. A
/// malformed document of a stream costs only itself: it is listed in <see cref="KubernetesManifest.Errors"/>.
/// Stateless and thread-safe.
/// </summary>
public static class ManifestReader
{
    public static KubernetesManifest Read(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var templated = LooksTemplated(text);
        var parsed = templated ? BlankTemplateActions(text) : text;
        var source = new YamlSource(path, parsed);
        var stream = YamlLoader.LoadStream(parsed, YamlLoadOptions.Manifest);
        if (templated && stream.Errors.Count > 0)
        {
            // A template that is not YAML once its actions are blanked yields what did parse, and no errors.
            stream = stream with { Errors = [] };
        }

        var resources = new List<KubernetesResource>();
        foreach (var document in stream.Documents)
        {
            if (document.Root is YamlMapping root)
            {
                Collect(root, document.Index, resources);
            }
        }

        return new KubernetesManifest(source, resources, templated) { Errors = stream.Errors };
    }

    /// <summary>True when the text holds Go template actions (<c>{{</c> … <c>}}</c>), as Helm chart templates do.</summary>
    public static bool LooksTemplated(string text) =>
        text.Contains("{{", StringComparison.Ordinal) && text.Contains("}}", StringComparison.Ordinal);

    private static void Collect(YamlMapping root, int index, List<KubernetesResource> into)
    {
        var apiVersion = root.ScalarValue("apiVersion");
        var kind = root.ScalarValue("kind");
        if (apiVersion is null || kind is null)
        {
            return;
        }

        if (kind.EndsWith("List", StringComparison.Ordinal) && root.Sequence("items") is { } items)
        {
            foreach (var item in items.Items)
            {
                if (item is YamlMapping mapping && mapping.ScalarValue("apiVersion") is { } itemApi && mapping.ScalarValue("kind") is { } itemKind)
                {
                    into.Add(new KubernetesResource(mapping, itemApi, itemKind, index));
                }
            }

            return;
        }

        into.Add(new KubernetesResource(root, apiVersion, kind, index));
    }

    // Replaces every "{{ ... }}" action with spaces (newlines kept), so offsets and lines stay those of the template.
    private static string BlankTemplateActions(string text)
    {
        var builder = new StringBuilder(text);
        var i = 0;
        while ((i = text.IndexOf("{{", i, StringComparison.Ordinal)) >= 0)
        {
            var end = text.IndexOf("}}", i + 2, StringComparison.Ordinal);
            end = end < 0 ? text.Length : end + 2;
            for (var j = i; j < end; j++)
            {
                if (builder[j] is not '\n' and not '\r')
                {
                    builder[j] = ' ';
                }
            }

            i = end;
        }

        return builder.ToString();
    }
}
