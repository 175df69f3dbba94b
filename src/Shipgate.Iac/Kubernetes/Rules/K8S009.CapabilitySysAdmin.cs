using Shipgate.Core;

namespace Shipgate.Iac.Kubernetes.Rules;

internal sealed class CapabilitySysAdmin : KubernetesRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "K8S009", "capability-sys-admin", "Container adds the SYS_ADMIN capability",
        Severity.High, Confidence.High,
        ["trivy:KSV-0005", "checkov:CKV_K8S_39", "polaris:dangerousCapabilities", "kubesec:capSysAdmin"],
        "CAP_SYS_ADMIN is the catch-all capability: mount, namespaces, BPF, device control and many more operations. A container with it is nearly as powerful as a privileged one and can usually escape to the node.",
        "Remove SYS_ADMIN from 'capabilities.add'. Find the specific operation the workload needs and grant a narrower capability, or move that work out of the container.",
        "security", "cwe-250");

    public override IEnumerable<Finding> Analyze(KubernetesManifest document, RuleContext context)
    {
        foreach (var (resource, _, container) in document.Containers())
        {
            foreach (var (node, name) in Capabilities.Added(container))
            {
                if (name == "SYS_ADMIN")
                {
                    yield return Report(context, document, node, $"{Subject(resource, container)} adds the SYS_ADMIN capability.", Key(resource, container));
                }
            }
        }
    }
}
