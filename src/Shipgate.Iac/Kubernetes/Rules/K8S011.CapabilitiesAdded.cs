using Shipgate.Core;

namespace Shipgate.Iac.Kubernetes.Rules;

internal sealed class CapabilitiesAdded : KubernetesRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "K8S011", "capabilities-added", "Container adds Linux capabilities",
        Severity.Low, Confidence.High,
        ["trivy:KSV-0022", "checkov:CKV_K8S_25"],
        "Every capability in 'securityContext.capabilities.add' widens what a compromised process may do. The restricted Pod Security Standard allows at most NET_BIND_SERVICE; anything else needs a reason.",
        "Drop ALL capabilities and add back only the ones the workload provably needs; prefer listening on a port above 1024 over NET_BIND_SERVICE.",
        "security");

    public override IEnumerable<Finding> Analyze(KubernetesManifest document, RuleContext context)
    {
        foreach (var (resource, _, container) in document.Containers())
        {
            foreach (var (node, name) in Capabilities.Added(container))
            {
                yield return Report(context, document, node, $"{Subject(resource, container)} adds the {name} capability.", Key(resource, container, name));
            }
        }
    }
}
