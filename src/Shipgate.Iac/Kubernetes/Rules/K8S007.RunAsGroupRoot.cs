using Shipgate.Core;
using Shipgate.Yaml;

namespace Shipgate.Iac.Kubernetes.Rules;

internal sealed class RunAsGroupRoot : KubernetesRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "K8S007", "run-as-group-root", "Pod or container uses the root group (GID 0)",
        Severity.Medium, Confidence.High,
        ["trivy:KSV-0029"],
        "Reports 'runAsGroup: 0', 'fsGroup: 0' and a 0 in 'supplementalGroups'. 'runAsGroup: 0', 'fsGroup: 0' or a 0 in 'supplementalGroups' gives the processes the root group, which owns many sensitive files on the node and in the image.",
        "Use a non-zero GID for runAsGroup, fsGroup and supplementalGroups.",
        "security", "cwe-250");

    public override IEnumerable<Finding> Analyze(KubernetesManifest document, RuleContext context)
    {
        foreach (var (resource, _, container) in document.Containers())
        {
            if (container.Effective("runAsGroup") is { Value: YamlScalar { AsInteger: 0 } } entry)
            {
                yield return Report(context, document, entry, $"{Subject(resource, container)} runs with the root group (GID 0).", Key(resource, container));
            }
        }

        foreach (var (resource, pod) in document.Workloads())
        {
            if (pod.SecurityContext?.Entry("fsGroup") is { Value: YamlScalar { AsInteger: 0 } } fs)
            {
                yield return Report(context, document, fs, $"{resource.Display} sets fsGroup 0 (root).", Key(resource, "fsGroup"));
            }

            if (pod.SecurityContext?.Sequence("supplementalGroups") is { } groups)
            {
                foreach (var group in groups.Items)
                {
                    if (group is YamlScalar { AsInteger: 0 })
                    {
                        yield return Report(context, document, group, $"{resource.Display} adds the root group (GID 0) to supplementalGroups.", Key(resource, "supplementalGroups"));
                    }
                }
            }
        }
    }
}
