using Shipgate.Core;

namespace Shipgate.Iac.Kubernetes.Rules;

internal sealed class DefaultNamespace : KubernetesRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "K8S035", "default-namespace", "Object is placed in the default namespace",
        Severity.Low, Confidence.High,
        ["trivy:KSV-0110", "checkov:CKV_K8S_21"],
        "Reports objects whose 'metadata.namespace' is 'default'. The default namespace is shared by everything deployed without a namespace, so RBAC, network policies, quotas and Pod Security admission cannot be scoped to the application.",
        "Create a namespace per application or team and set 'metadata.namespace' to it.",
        "security");

    public override IEnumerable<Finding> Analyze(KubernetesManifest document, RuleContext context)
    {
        foreach (var resource in document.Resources)
        {
            if (resource.NamespaceNode is { } ns && ns.Value.Trim() == "default")
            {
                yield return Report(context, document, ns, $"{resource.Display} is placed in the default namespace.", Key(resource));
            }
        }
    }
}
