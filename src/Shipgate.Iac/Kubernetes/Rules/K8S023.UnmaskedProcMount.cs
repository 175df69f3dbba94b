using Shipgate.Core;
using Shipgate.Yaml;

namespace Shipgate.Iac.Kubernetes.Rules;

internal sealed class UnmaskedProcMount : KubernetesRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "K8S023", "unmasked-proc-mount", "Container mounts /proc unmasked",
        Severity.Medium, Confidence.High,
        ["trivy:KSV-0027", "kubesec:procMount"],
        "Reports containers whose 'securityContext.procMount' is set to anything but Default. 'procMount: Unmasked' removes the masking and read-only paths the runtime applies to /proc, exposing kernel interfaces that help an attacker escape the container.",
        "Remove 'procMount' or set it to 'Default'.",
        "security");

    public override IEnumerable<Finding> Analyze(KubernetesManifest document, RuleContext context)
    {
        foreach (var (resource, _, container) in document.Containers())
        {
            if (container.Own("procMount") is { Value: YamlScalar { IsNull: false } value } entry && value.Value.Trim() != "Default")
            {
                yield return Report(context, document, entry, $"{Subject(resource, container)} sets procMount '{Clip(value.Value)}'.", Key(resource, container));
            }
        }
    }
}
