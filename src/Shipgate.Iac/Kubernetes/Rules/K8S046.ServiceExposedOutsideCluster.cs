using Shipgate.Core;

namespace Shipgate.Iac.Kubernetes.Rules;

internal sealed class ServiceExposedOutsideCluster : KubernetesRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "K8S046", "service-exposed-outside-cluster", "Service is reachable from outside the cluster",
        Severity.Info, Confidence.High,
        ["concept:K8S-SERVICE-EXPOSED"],
        "A Service of type NodePort opens a port on every node; type LoadBalancer provisions an address reachable from outside the cluster, often from the internet. Either way the workload's network exposure is larger than ClusterIP's.",
        "Use type ClusterIP behind an Ingress or gateway that terminates TLS and authenticates, or restrict 'loadBalancerSourceRanges' to the networks that need access.",
        "network");

    public override IEnumerable<Finding> Analyze(KubernetesManifest document, RuleContext context)
    {
        foreach (var resource in document.OfKind("Service"))
        {
            if (resource.Spec?.Scalar("type") is { } type && type.Value.Trim() is "NodePort" or "LoadBalancer"
                && !(type.Value.Trim() == "LoadBalancer" && resource.Spec.ContainsKey("loadBalancerSourceRanges")))
            {
                yield return Report(context, document, type, $"{resource.Display} is of type {type.Value.Trim()} and reachable from outside the cluster.", Key(resource, type.Value));
            }
        }
    }
}
