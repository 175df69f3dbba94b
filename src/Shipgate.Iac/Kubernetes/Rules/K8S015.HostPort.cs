using Shipgate.Core;
using Shipgate.Yaml;

namespace Shipgate.Iac.Kubernetes.Rules;

internal sealed class HostPort : KubernetesRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "K8S015", "host-port", "Container binds a port on the node",
        Severity.Medium, Confidence.High,
        ["trivy:KSV-0024", "checkov:CKV_K8S_26", "polaris:hostPortSet"],
        "Reports container ports with a non-zero 'hostPort'. A 'hostPort' opens the port on the node's own address, bypassing Services and most network policies, and limits where the pod can be scheduled (one pod per node and port).",
        "Remove 'hostPort' and expose the container through a Service (ClusterIP, or a LoadBalancer/Ingress for outside traffic).",
        "security", "network");

    public override IEnumerable<Finding> Analyze(KubernetesManifest document, RuleContext context)
    {
        foreach (var (resource, _, container) in document.Containers())
        {
            if (container.Mapping.Sequence("ports") is not { } ports)
            {
                continue;
            }

            foreach (var port in ports.Items.OfType<YamlMapping>())
            {
                if (port.Entry("hostPort") is { Value: YamlScalar scalar } entry && !scalar.IsNull && scalar.AsInteger != 0)
                {
                    yield return Report(context, document, entry, $"{Subject(resource, container)} binds host port {scalar.Value}.", Key(resource, container, scalar.Value));
                }
            }
        }
    }
}
