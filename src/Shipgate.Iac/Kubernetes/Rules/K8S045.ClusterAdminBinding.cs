using Shipgate.Core;

using Shipgate.Yaml;

namespace Shipgate.Iac.Kubernetes.Rules;

internal sealed class ClusterAdminBinding : KubernetesRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "K8S045", "cluster-admin-binding", "Subject is bound to cluster-admin",
        Severity.High, Confidence.High,
        ["concept:K8S-CLUSTER-ADMIN-BINDING"],
        "A binding to the cluster-admin ClusterRole gives its subjects full control of the cluster (or of the namespace, for a RoleBinding). A service account bound this way turns any compromise of its pods into a cluster compromise.",
        "Bind a dedicated Role or ClusterRole with only the permissions the subject needs.",
        "security", "rbac");

    public override IEnumerable<Finding> Analyze(KubernetesManifest document, RuleContext context)
    {
        foreach (var resource in document.OfKind("RoleBinding", "ClusterRoleBinding"))
        {
            if (resource.Root.Mapping("roleRef")?.Scalar("name") is { } role && role.Value.Trim() == "cluster-admin")
            {
                var subjects = resource.Root.Sequence("subjects")?.Items.OfType<YamlMapping>()
                    .Select(s => $"{s.ScalarValue("kind")} '{s.ScalarValue("name")}'").ToList() ?? [];
                var who = subjects.Count == 0 ? "its subjects" : string.Join(", ", subjects);
                yield return Report(context, document, role, $"{resource.Display} grants cluster-admin to {Clip(who, 80)}.", Key(resource));
            }
        }
    }
}
