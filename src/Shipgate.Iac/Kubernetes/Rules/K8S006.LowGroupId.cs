using Shipgate.Core;
using Shipgate.Yaml;

namespace Shipgate.Iac.Kubernetes.Rules;

internal sealed class LowGroupId : KubernetesRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "K8S006", "low-group-id", "Container runs with a GID of 10000 or less",
        Severity.Low, Confidence.Medium,
        ["trivy:KSV-0021", "kubesec:runAsGroup"],
        "Reports containers whose effective 'runAsGroup' is unset or at most 10000, and pods whose 'fsGroup' is at most 10000. When 'runAsGroup' is unset or at most 10000 (or the pod's 'fsGroup' is at most 10000), the container's group may coincide with a real group on the node and share its file permissions after an escape.",
        "Set 'securityContext.runAsGroup' (and 'fsGroup', if used) to a GID above 10000.",
        "security");

    public override bool ReportsMissingSettings => true;

    public override IEnumerable<Finding> Analyze(KubernetesManifest document, RuleContext context)
    {
        foreach (var (resource, _, container) in document.Containers())
        {
            var entry = container.Effective("runAsGroup");
            if (entry is null)
            {
                yield return Report(context, document, container.Mapping, $"{Subject(resource, container)} does not set runAsGroup; use a GID above 10000.", Key(resource, container));
            }
            else if (entry.Value is YamlScalar { AsInteger: { } gid and <= 10000 })
            {
                yield return Report(context, document, entry, $"{Subject(resource, container)} runs with GID {gid}; use a GID above 10000.", Key(resource, container));
            }
        }

        foreach (var (resource, pod) in document.Workloads())
        {
            if (pod.SecurityContext?.Entry("fsGroup") is { Value: YamlScalar { AsInteger: { } fsGroup and <= 10000 } } fs)
            {
                yield return Report(context, document, fs, $"{resource.Display} sets fsGroup {fsGroup}; use a GID above 10000.", Key(resource, "fsGroup"));
            }
        }
    }
}
