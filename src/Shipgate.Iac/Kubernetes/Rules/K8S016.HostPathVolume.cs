using Shipgate.Core;
using Shipgate.Yaml;

namespace Shipgate.Iac.Kubernetes.Rules;

internal sealed class HostPathVolume : KubernetesRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "K8S016", "host-path-volume", "Pod mounts a directory of the node",
        Severity.Medium, Confidence.High,
        ["trivy:KSV-0023"],
        "A 'hostPath' volume exposes part of the node's file system to the pod. Writable mounts let a compromised container plant files on the node; even read-only mounts can leak credentials, kubelet state or other pods' data.",
        "Use emptyDir, a PersistentVolumeClaim, a ConfigMap or a Secret instead. If node access is unavoidable, mount the narrowest path read-only.",
        "security");

    public override IEnumerable<Finding> Analyze(KubernetesManifest document, RuleContext context)
    {
        foreach (var (resource, pod) in document.Workloads())
        {
            foreach (var volume in pod.Volumes?.Items.OfType<YamlMapping>() ?? [])
            {
                if (volume.Entry("hostPath") is { Value: YamlMapping hostPath } entry)
                {
                    var path = hostPath.ScalarValue("path") ?? "(no path)";
                    yield return Report(context, document, entry, $"{resource.Display} mounts the node path '{Clip(path)}' through volume '{volume.ScalarValue("name")}'.", Key(resource, path));
                }
            }
        }
    }
}
