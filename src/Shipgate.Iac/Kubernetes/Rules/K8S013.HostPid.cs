using Shipgate.Core;

namespace Shipgate.Iac.Kubernetes.Rules;

internal sealed class HostPid : KubernetesRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "K8S013", "host-pid", "Pod shares the host process namespace",
        Severity.High, Confidence.High,
        ["trivy:KSV-0010", "checkov:CKV_K8S_17", "polaris:hostPIDSet", "kubesec:hostPID"],
        "Reports pod specs that set 'hostPID: true'. With 'hostPID: true' the pod sees every process on the node: it can inspect their environment and memory (secrets included) and signal them.",
        "Remove 'hostPID: true' from the pod spec. Workloads that truly need it (node agents) belong in a dedicated, tightly controlled namespace.",
        "security");

    public override IEnumerable<Finding> Analyze(KubernetesManifest document, RuleContext context)
    {
        foreach (var (resource, pod) in document.Workloads())
        {
            if (pod.TrueField("hostPID") is { } entry)
            {
                yield return Report(context, document, entry, $"{resource.Display} sets hostPID: true.", Key(resource));
            }
        }
    }
}
