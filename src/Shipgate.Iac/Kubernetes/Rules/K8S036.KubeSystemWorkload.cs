using Shipgate.Core;

namespace Shipgate.Iac.Kubernetes.Rules;

internal sealed class KubeSystemWorkload : KubernetesRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "K8S036", "kube-system-workload", "Workload is deployed into kube-system",
        Severity.Medium, Confidence.Medium,
        ["trivy:KSV-0037"],
        "kube-system holds the control-plane add-ons and their highly privileged service accounts and secrets. An application deployed there can read or reuse them, and is exempted from the policies most clusters apply to user namespaces.",
        "Deploy the workload into its own namespace; only cluster components belong in kube-system.",
        "security");

    public override IEnumerable<Finding> Analyze(KubernetesManifest document, RuleContext context)
    {
        foreach (var (resource, _) in document.Workloads())
        {
            if (resource.NamespaceNode is { } ns && ns.Value.Trim() == "kube-system")
            {
                yield return Report(context, document, ns, $"{resource.Display} is deployed into the kube-system namespace.", Key(resource));
            }
        }
    }
}
