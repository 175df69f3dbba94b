using Shipgate.Yaml;

namespace Shipgate.Iac.Kubernetes;

/// <summary>
/// A pod spec reached through its owner's template (<c>spec</c> of a Pod, <c>spec.template.spec</c> of a Deployment,
/// StatefulSet, DaemonSet, ReplicaSet, ReplicationController or Job, <c>spec.jobTemplate.spec.template.spec</c> of a
/// CronJob, <c>template.spec</c> of a PodTemplate), its template metadata (annotations such as AppArmor and seccomp
/// live there) and its containers. Immutable.
/// </summary>
public sealed class PodSpec
{
    private static readonly string[] TemplatedKinds =
        ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job", "DeploymentConfig"];

    private PodSpec(YamlMapping spec, YamlMapping? metadata)
    {
        Spec = spec;
        Metadata = metadata;
        SecurityContext = spec.Mapping("securityContext");
        var containers = new List<Container>();
        Add(containers, spec.Sequence("initContainers"), ContainerKind.Init);
        Add(containers, spec.Sequence("containers"), ContainerKind.Regular);
        Add(containers, spec.Sequence("ephemeralContainers"), ContainerKind.Ephemeral);
        Containers = containers;
    }

    public YamlMapping Spec { get; }

    /// <summary>The pod template's metadata (for a Pod, the object's own metadata).</summary>
    public YamlMapping? Metadata { get; }

    public YamlMapping? Annotations => Metadata?.Mapping("annotations");

    /// <summary>The pod-level <c>securityContext</c>, or null.</summary>
    public YamlMapping? SecurityContext { get; }

    /// <summary>Init containers first, then regular, then ephemeral containers.</summary>
    public IReadOnlyList<Container> Containers { get; }

    public YamlSequence? Volumes => Spec.Sequence("volumes");

    /// <summary>A pod-spec field written as <c>true</c> (hostNetwork, hostPID, ...), or null.</summary>
    public YamlEntry? TrueField(string key) => Spec.Entry(key) is { Value: YamlScalar { AsBoolean: true } } entry ? entry : null;

    internal static PodSpec? Of(KubernetesResource resource)
    {
        var root = resource.Root;
        switch (resource.Kind)
        {
            case "Pod":
                return root.Mapping("spec") is { } podSpec ? new PodSpec(podSpec, resource.Metadata) : null;
            case "PodTemplate":
                return FromTemplate(root.Mapping("template"));
            case "CronJob":
                return FromTemplate(root.Mapping("spec")?.Mapping("jobTemplate")?.Mapping("spec")?.Mapping("template"));
            default:
                return Array.IndexOf(TemplatedKinds, resource.Kind) >= 0 ? FromTemplate(root.Mapping("spec")?.Mapping("template")) : null;
        }
    }

    private static PodSpec? FromTemplate(YamlMapping? template) =>
        template?.Mapping("spec") is { } spec ? new PodSpec(spec, template.Mapping("metadata")) : null;

    private void Add(List<Container> into, YamlSequence? sequence, ContainerKind kind)
    {
        if (sequence is null)
        {
            return;
        }

        foreach (var item in sequence.Items)
        {
            if (item is YamlMapping mapping)
            {
                into.Add(new Container(this, mapping, kind));
            }
        }
    }
}
