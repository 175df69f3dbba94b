using Shipgate.Core;
using Shipgate.Yaml;

namespace Shipgate.Iac.Kubernetes.Rules;

internal sealed class WritableRootFilesystem : KubernetesRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "K8S018", "writable-root-filesystem", "Container root file system is writable",
        Severity.Low, Confidence.High,
        ["trivy:KSV-0014", "checkov:CKV_K8S_22", "polaris:notReadOnlyRootFilesystem", "kubesec:readOnlyRootFilesystem"],
        "Reports containers whose 'securityContext.readOnlyRootFilesystem' is missing or not true. Unless 'readOnlyRootFilesystem: true' is set, an attacker inside the container can drop tools, modify binaries and persist changes for the container's lifetime.",
        "Set 'securityContext.readOnlyRootFilesystem: true' and mount an emptyDir at the few paths the application writes to (/tmp, caches).",
        "security");

    public override bool ReportsMissingSettings => true;

    public override IEnumerable<Finding> Analyze(KubernetesManifest document, RuleContext context)
    {
        foreach (var (resource, _, container) in document.Containers())
        {
            var entry = container.Own("readOnlyRootFilesystem");
            if (container.Kind == ContainerKind.Ephemeral || entry is { Value: YamlScalar { AsBoolean: true } })
            {
                continue;
            }

            yield return entry is not null
                ? Report(context, document, entry, $"{Subject(resource, container)} sets readOnlyRootFilesystem to '{Clip(document.Source.RawOf(entry.Value))}'.", Key(resource, container))
                : Report(context, document, container.Mapping, $"{Subject(resource, container)} does not set readOnlyRootFilesystem: true.", Key(resource, container));
        }
    }
}
