using Shipgate.Core;

namespace Shipgate.Iac.Kubernetes.Rules;

internal sealed class PrivilegedContainer : KubernetesRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "K8S001", "privileged-container", "Container runs privileged",
        Severity.High, Confidence.High,
        ["trivy:KSV-0017", "checkov:CKV_K8S_16", "polaris:runAsPrivileged", "kubesec:privileged"],
        "A container with 'securityContext.privileged: true' gets every Linux capability and access to all host devices, with no seccomp or AppArmor confinement. A process that escapes or is compromised inside it owns the node.",
        "Remove 'privileged: true'. Grant only the specific capabilities the workload needs, and use a device plugin for hardware access.",
        "security", "cwe-250");

    public override IEnumerable<Finding> Analyze(KubernetesManifest document, RuleContext context)
    {
        foreach (var (resource, _, container) in document.Containers())
        {
            if (container.OwnTrue("privileged") is { } entry)
            {
                yield return Report(context, document, entry, $"{Subject(resource, container)} runs privileged: it has full access to the node.", Key(resource, container));
            }
        }
    }
}
