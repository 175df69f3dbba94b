using Shipgate.Core;
using Shipgate.Yaml;

namespace Shipgate.Iac.Kubernetes.Rules;

internal sealed class UnsafeSysctl : KubernetesRule
{
    // The "safe" set of the Kubernetes documentation and the baseline Pod Security Standard: namespaced, and without
    // effect on other pods on the node.
    private static readonly HashSet<string> Safe = new(StringComparer.Ordinal)
    {
        "kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range", "net.ipv4.ip_unprivileged_port_start", "net.ipv4.tcp_syncookies",
        "net.ipv4.ping_group_range", "net.ipv4.ip_local_reserved_ports", "net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout",
        "net.ipv4.tcp_keepalive_intvl", "net.ipv4.tcp_keepalive_probes",
    };

    public override RuleMetadata Metadata { get; } = Define(
        "K8S024", "unsafe-sysctl", "Pod sets an unsafe sysctl",
        Severity.Medium, Confidence.High,
        ["trivy:KSV-0026"],
        "Sysctls outside the safe set either are not namespaced, so they change the node for every pod, or can starve the node of resources. The kubelet rejects them unless explicitly allowed, and allowing them weakens isolation.",
        "Remove the sysctl, or tune it on the node (and schedule the workload onto dedicated nodes) instead of from the pod.",
        "security");

    public override IEnumerable<Finding> Analyze(KubernetesManifest document, RuleContext context)
    {
        foreach (var (resource, pod) in document.Workloads())
        {
            foreach (var sysctl in pod.SecurityContext?.Sequence("sysctls")?.Items.OfType<YamlMapping>() ?? [])
            {
                if (sysctl.Scalar("name") is { } name && !Safe.Contains(name.Value.Trim()))
                {
                    yield return Report(context, document, name, $"{resource.Display} sets the unsafe sysctl '{Clip(name.Value)}'.", Key(resource, name.Value));
                }
            }
        }
    }
}
