using Shipgate.Yaml;

namespace Shipgate.Iac.Kubernetes;

/// <summary>Which list of the pod spec a container comes from.</summary>
public enum ContainerKind
{
    Regular,
    Init,
    Ephemeral,
}

/// <summary>
/// One container of a pod spec, with the security settings that apply to it: a container-level field overrides the
/// pod-level one of the same name (<see cref="Effective"/>), as the kubelet resolves them. Immutable.
/// </summary>
public sealed class Container
{
    internal Container(PodSpec pod, YamlMapping mapping, ContainerKind kind)
    {
        Pod = pod;
        Mapping = mapping;
        Kind = kind;
        Name = mapping.ScalarValue("name") ?? "(unnamed)";
        Image = mapping.Scalar("image");
        SecurityContext = mapping.Mapping("securityContext");
    }

    public PodSpec Pod { get; }

    public YamlMapping Mapping { get; }

    public ContainerKind Kind { get; }

    public string Name { get; }

    public YamlScalar? Image { get; }

    /// <summary>The container-level <c>securityContext</c>, or null.</summary>
    public YamlMapping? SecurityContext { get; }

    public YamlMapping? Resources => Mapping.Mapping("resources");

    /// <summary>
    /// The setting that applies to this container for a field both levels know (runAsUser, runAsGroup, runAsNonRoot,
    /// seccompProfile, seLinuxOptions, appArmorProfile, windowsOptions): the container's own entry when written, else the
    /// pod's. Null when neither sets it (a null value counts as unset).
    /// </summary>
    public YamlEntry? Effective(string key) =>
        Set(SecurityContext?.Entry(key)) ?? Set(Pod.SecurityContext?.Entry(key));

    /// <summary>A container-only security field (privileged, allowPrivilegeEscalation, capabilities, ...), or null.</summary>
    public YamlEntry? Own(string key) => Set(SecurityContext?.Entry(key));

    /// <summary>A container-only boolean security field written as <c>true</c>, or null.</summary>
    public YamlEntry? OwnTrue(string key) => Own(key) is { Value: YamlScalar { AsBoolean: true } } entry ? entry : null;

    /// <summary><c>Init container 'x'</c> / <c>Container 'x'</c> / <c>Ephemeral container 'x'</c>, for messages.</summary>
    public string Display => Kind switch
    {
        ContainerKind.Init => $"init container '{Name}'",
        ContainerKind.Ephemeral => $"ephemeral container '{Name}'",
        _ => $"container '{Name}'",
    };

    private static YamlEntry? Set(YamlEntry? entry) => entry is { Value: YamlScalar { IsNull: true } } ? null : entry;
}
