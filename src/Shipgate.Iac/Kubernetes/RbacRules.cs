using Shipgate.Yaml;

namespace Shipgate.Iac.Kubernetes;

/// <summary>One policy rule of a Role or ClusterRole: its verbs, resources and API groups with their nodes.</summary>
internal sealed record RbacRule(YamlMapping Node, IReadOnlyList<YamlScalar> Verbs, IReadOnlyList<YamlScalar> Resources, IReadOnlyList<YamlScalar> ApiGroups)
{
    public bool HasVerb(params string[] verbs) => Verbs.Any(v => Array.IndexOf(verbs, v.Value.Trim()) >= 0);

    public YamlScalar? Resource(params string[] resources) => Resources.FirstOrDefault(r => Array.IndexOf(resources, r.Value.Trim()) >= 0);

    /// <summary>The <c>rules</c> of a Role or ClusterRole (nothing for other kinds).</summary>
    public static IEnumerable<RbacRule> Of(KubernetesResource resource)
    {
        if (resource.Kind is not ("Role" or "ClusterRole") || resource.Root.Sequence("rules") is not { } rules)
        {
            yield break;
        }

        foreach (var rule in rules.Items.OfType<YamlMapping>())
        {
            yield return new RbacRule(rule, Scalars(rule, "verbs"), Scalars(rule, "resources"), Scalars(rule, "apiGroups"));
        }
    }

    private static List<YamlScalar> Scalars(YamlMapping rule, string key) =>
        rule.Sequence(key)?.Items.OfType<YamlScalar>().Where(s => !s.IsNull).ToList()
        ?? (rule.Scalar(key) is { } single ? [single] : []);
}
