using Shipgate.Core;
using Shipgate.Yaml;

namespace Shipgate.Iac.Kubernetes.Rules;

internal sealed class NonCoreVolumeType : KubernetesRule
{
    // The volume types the restricted Pod Security Standard allows, plus hostPath, which K8S016 reports on its own.
    private static readonly HashSet<string> Allowed = new(StringComparer.Ordinal)
    {
        "name", "configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "persistentVolumeClaim", "projected", "secret", "hostPath",
    };

    public override RuleMetadata Metadata { get; } = Define(
        "K8S025", "non-core-volume-type", "Pod uses a volume type outside the restricted set",
        Severity.Low, Confidence.High,
        ["trivy:KSV-0028"],
        "The restricted Pod Security Standard allows only configMap, csi, downwardAPI, emptyDir, ephemeral, persistentVolumeClaim, projected and secret volumes. In-tree network volume types (nfs, iscsi, rbd, scaleIO, ...) mount storage straight from the node with node credentials and are deprecated in favour of CSI.",
        "Mount storage through a PersistentVolumeClaim (backed by a CSI driver) instead of declaring the volume source in the pod.",
        "security");

    public override IEnumerable<Finding> Analyze(KubernetesManifest document, RuleContext context)
    {
        foreach (var (resource, pod) in document.Workloads())
        {
            foreach (var volume in pod.Volumes?.Items.OfType<YamlMapping>() ?? [])
            {
                foreach (var entry in volume.Entries)
                {
                    if (!Allowed.Contains(entry.Key.Value))
                    {
                        yield return Report(context, document, entry, $"{resource.Display} declares volume '{volume.ScalarValue("name")}' of type '{entry.Key.Value}'.", Key(resource, entry.Key.Value));
                    }
                }
            }
        }
    }
}
