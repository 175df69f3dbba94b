using Shipgate.Core;

namespace Shipgate.Iac.Kubernetes.Rules;

internal sealed class SeccompProfileNotSet : KubernetesRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "K8S019", "seccomp-profile-not-set", "No seccomp profile applies to the container",
        Severity.Low, Confidence.High,
        ["trivy:KSV-0030", "checkov:CKV_K8S_31", "kubesec:seccompAny"],
        "Reports containers to which no seccomp profile applies, neither through 'seccompProfile' (container or pod level) nor through the legacy annotations. Without 'seccompProfile' (pod or container level) the kubelet runs the container Unconfined by default, leaving every system call, including rarely needed and exploit-prone ones, reachable from inside.",
        "Set 'securityContext.seccompProfile.type: RuntimeDefault' at pod level (or a Localhost profile tailored to the workload).",
        "security");

    public override bool ReportsMissingSettings => true;

    public override IEnumerable<Finding> Analyze(KubernetesManifest document, RuleContext context)
    {
        foreach (var (resource, _, container) in document.Containers())
        {
            if (container.Kind != ContainerKind.Ephemeral && Seccomp.Of(container) is null)
            {
                yield return Report(context, document, container.Mapping, $"{Subject(resource, container)} has no seccomp profile; set seccompProfile.type to RuntimeDefault.", Key(resource, container));
            }
        }
    }
}
