using Shipgate.Core;

namespace Shipgate.Iac.Kubernetes.Rules;

internal sealed class DangerousCapabilityAdded : KubernetesRule
{
    private static readonly HashSet<string> Dangerous = new(StringComparer.Ordinal)
    {
        "ALL", "NET_ADMIN", "NET_RAW", "SYS_MODULE", "SYS_PTRACE", "SYS_RAWIO", "SYS_BOOT", "SYS_TIME", "BPF", "PERFMON",
        "DAC_READ_SEARCH", "MAC_ADMIN", "MAC_OVERRIDE", "SYSLOG", "SYS_RESOURCE", "LINUX_IMMUTABLE", "SETFCAP",
    };

    public override RuleMetadata Metadata { get; } = Define(
        "K8S010", "dangerous-capability-added", "Container adds a dangerous capability",
        Severity.High, Confidence.High,
        ["concept:K8S-DANGEROUS-CAPABILITY"],
        "Some capabilities hand the container powers over the node or the network: ALL grants everything, NET_ADMIN and NET_RAW allow traffic interception and spoofing, SYS_MODULE loads kernel modules, SYS_PTRACE inspects other processes, BPF and PERFMON reach kernel tracing, DAC_READ_SEARCH bypasses file permissions. SYS_ADMIN has its own rule (K8S009).",
        "Remove the capability from 'capabilities.add'. If the workload truly needs it, isolate it on dedicated nodes and document why.",
        "security", "cwe-250");

    public override IEnumerable<Finding> Analyze(KubernetesManifest document, RuleContext context)
    {
        foreach (var (resource, _, container) in document.Containers())
        {
            foreach (var (node, name) in Capabilities.Added(container))
            {
                if (Dangerous.Contains(name))
                {
                    yield return Report(context, document, node, $"{Subject(resource, container)} adds the {name} capability.", Key(resource, container, name));
                }
            }
        }
    }
}
