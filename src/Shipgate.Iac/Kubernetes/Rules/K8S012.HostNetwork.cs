using Shipgate.Core;

namespace Shipgate.Iac.Kubernetes.Rules;

internal sealed class HostNetwork : KubernetesRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "K8S012", "host-network", "Pod shares the host network namespace",
        Severity.High, Confidence.High,
        ["trivy:KSV-0009", "checkov:CKV_K8S_19", "polaris:hostNetworkSet", "kubesec:hostNetwork"],
        "Reports pod specs that set 'hostNetwork: true'. With 'hostNetwork: true' the pod sees the node's network interfaces: it can sniff traffic of every pod on the node, reach services bound to localhost on the node and bypass network policies.",
        "Remove 'hostNetwork: true' from the pod spec. Workloads that truly need it (node agents) belong in a dedicated, tightly controlled namespace.",
        "security");

    public override IEnumerable<Finding> Analyze(KubernetesManifest document, RuleContext context)
    {
        foreach (var (resource, pod) in document.Workloads())
        {
            if (pod.TrueField("hostNetwork") is { } entry)
            {
                yield return Report(context, document, entry, $"{resource.Display} sets hostNetwork: true.", Key(resource));
            }
        }
    }
}
