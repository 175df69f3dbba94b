using Shipgate.Core;
using Shipgate.Yaml;

namespace Shipgate.Iac.Kubernetes;

/// <summary>
/// One manifest file: every Kubernetes object it holds (documents and <c>List</c> items, in order) over the source
/// text that maps nodes to locations. <see cref="IsTemplated"/> marks a Helm/Go template that was read best-effort,
/// where rules that fire on a missing setting stay silent (the template may supply it). Immutable.
/// </summary>
public sealed class KubernetesManifest
{
    internal KubernetesManifest(YamlSource source, IReadOnlyList<KubernetesResource> resources, bool isTemplated)
    {
        Source = source;
        Resources = resources;
        IsTemplated = isTemplated;
    }

    public YamlSource Source { get; }

    public IReadOnlyList<KubernetesResource> Resources { get; }

    public bool IsTemplated { get; }

    /// <summary>One error per document that is not valid YAML; the other documents' objects are in <see cref="Resources"/>.</summary>
    public IReadOnlyList<InputFormatException> Errors { get; init; } = [];

    /// <summary>Every object that carries a pod template (Pod, Deployment, CronJob, ...).</summary>
    public IEnumerable<(KubernetesResource Resource, PodSpec Pod)> Workloads()
    {
        foreach (var resource in Resources)
        {
            if (resource.Pod is { } pod)
            {
                yield return (resource, pod);
            }
        }
    }

    /// <summary>Every container (regular, init and ephemeral) of every workload.</summary>
    public IEnumerable<(KubernetesResource Resource, PodSpec Pod, Container Container)> Containers()
    {
        foreach (var (resource, pod) in Workloads())
        {
            foreach (var container in pod.Containers)
            {
                yield return (resource, pod, container);
            }
        }
    }

    /// <summary>Every object of the given kind (case-sensitive, as Kubernetes spells kinds).</summary>
    public IEnumerable<KubernetesResource> OfKind(params string[] kinds)
    {
        foreach (var resource in Resources)
        {
            if (Array.IndexOf(kinds, resource.Kind) >= 0)
            {
                yield return resource;
            }
        }
    }
}
