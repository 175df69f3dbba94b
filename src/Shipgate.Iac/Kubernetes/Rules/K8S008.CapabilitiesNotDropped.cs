using Shipgate.Core;

namespace Shipgate.Iac.Kubernetes.Rules;

internal sealed class CapabilitiesNotDropped : KubernetesRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "K8S008", "capabilities-not-dropped", "Container does not drop all capabilities",
        Severity.Low, Confidence.High,
        ["trivy:KSV-0003", "checkov:CKV_K8S_37", "kubesec:capDropAll"],
        "Container runtimes grant a default set of Linux capabilities (CHOWN, NET_RAW, SETUID, ...). Most applications need none of them, and NET_RAW alone allows ARP and DNS spoofing inside the cluster network.",
        "Set 'securityContext.capabilities.drop: [\"ALL\"]' and add back only what the workload needs (typically nothing, or NET_BIND_SERVICE).",
        "security");

    public override bool ReportsMissingSettings => true;

    public override IEnumerable<Finding> Analyze(KubernetesManifest document, RuleContext context)
    {
        foreach (var (resource, _, container) in document.Containers())
        {
            if (container.Kind == ContainerKind.Ephemeral || Capabilities.Dropped(container).Any(c => c.Name == "ALL"))
            {
                continue;
            }

            var message = $"{Subject(resource, container)} does not drop ALL capabilities.";
            yield return container.SecurityContext?.Entry("capabilities") is { } entry
                ? Report(context, document, entry, message, Key(resource, container))
                : Report(context, document, container.Mapping, message, Key(resource, container));
        }
    }
}
