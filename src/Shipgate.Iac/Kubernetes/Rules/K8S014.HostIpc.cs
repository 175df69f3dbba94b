using Shipgate.Core;

namespace Shipgate.Iac.Kubernetes.Rules;

internal sealed class HostIpc : KubernetesRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "K8S014", "host-ipc", "Pod shares the host IPC namespace",
        Severity.High, Confidence.High,
        ["trivy:KSV-0008", "checkov:CKV_K8S_18", "polaris:hostIPCSet", "kubesec:hostIPC"],
        "Reports pod specs that set 'hostIPC: true'. With 'hostIPC: true' the pod sees the node's System V IPC and POSIX shared memory: it can read and tamper with shared memory of host processes.",
        "Remove 'hostIPC: true' from the pod spec. Workloads that truly need it (node agents) belong in a dedicated, tightly controlled namespace.",
        "security");

    public override IEnumerable<Finding> Analyze(KubernetesManifest document, RuleContext context)
    {
        foreach (var (resource, pod) in document.Workloads())
        {
            if (pod.TrueField("hostIPC") is { } entry)
            {
                yield return Report(context, document, entry, $"{resource.Display} sets hostIPC: true.", Key(resource));
            }
        }
    }
}
