using Shipgate.Yaml;

namespace Shipgate.Iac.Kubernetes;

/// <summary>
/// One Kubernetes object: <c>apiVersion</c>, <c>kind</c>, <c>metadata</c> and, for workloads, its pod template.
/// The raw mapping stays available for kind-specific rules (RBAC rules, ConfigMap data, Ingress annotations). Immutable.
/// </summary>
public sealed class KubernetesResource
{
    internal KubernetesResource(YamlMapping root, string apiVersion, string kind, int documentIndex)
    {
        Root = root;
        ApiVersion = apiVersion;
        Kind = kind;
        DocumentIndex = documentIndex;
        Metadata = root.Mapping("metadata");
        Name = Metadata?.ScalarValue("name") ?? Metadata?.ScalarValue("generateName") ?? "(unnamed)";
        NamespaceNode = Metadata?.Scalar("namespace");
        Annotations = Metadata?.Mapping("annotations");
        Pod = PodSpec.Of(this);
    }

    public YamlMapping Root { get; }

    public string ApiVersion { get; }

    public string Kind { get; }

    /// <summary>The 0-based document of the file the object came from (List items share their list's index).</summary>
    public int DocumentIndex { get; }

    public YamlMapping? Metadata { get; }

    public string Name { get; }

    /// <summary>The explicit <c>metadata.namespace</c> scalar, or null when the object takes the namespace from the context.</summary>
    public YamlScalar? NamespaceNode { get; }

    public string? Namespace => NamespaceNode?.Value;

    public YamlMapping? Annotations { get; }

    /// <summary>The pod template of a workload (or the pod itself), or null for other kinds.</summary>
    public PodSpec? Pod { get; }

    public YamlMapping? Spec => Root.Mapping("spec");

    /// <summary><c>Kind 'name'</c>, for messages.</summary>
    public string Display => $"{Kind} '{Name}'";
}
