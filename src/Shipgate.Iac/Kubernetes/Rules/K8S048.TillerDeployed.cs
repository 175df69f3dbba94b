using Shipgate.Core;

namespace Shipgate.Iac.Kubernetes.Rules;

internal sealed class TillerDeployed : KubernetesRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "K8S048", "tiller-deployed", "Helm v2 Tiller is deployed",
        Severity.Critical, Confidence.High,
        ["trivy:KSV-0102", "checkov:CKV_K8S_34", "checkov:CKV_K8S_44", "checkov:CKV_K8S_45"],
        "Tiller, the server side of Helm v2, runs with cluster-admin rights and by default serves an unauthenticated gRPC API to every pod in the cluster: any workload can use it to deploy anything. Helm v2 has been unsupported since 2020.",
        "Remove Tiller and migrate to Helm 3, which has no server component.",
        "security");

    public override IEnumerable<Finding> Analyze(KubernetesManifest document, RuleContext context)
    {
        foreach (var (resource, pod, container) in document.Containers())
        {
            if (container.Image is { } image && !ImageReference.IsPlaceholder(image.Value))
            {
                var repository = ImageReference.Parse(image.Value).Repository;
                var last = repository[(repository.LastIndexOf('/') + 1)..];
                if (last.Equals("tiller", StringComparison.OrdinalIgnoreCase))
                {
                    yield return Report(context, document, image, $"{Subject(resource, container)} runs Helm v2 Tiller ('{Clip(image.Value)}').", Key(resource, container));
                    continue;
                }
            }

            var labels = pod.Metadata?.Mapping("labels");
            if (container.Kind == ContainerKind.Regular && labels?.ScalarValue("app") == "helm" && labels.ScalarValue("name") == "tiller")
            {
                yield return Report(context, document, labels, $"{resource.Display} is labelled as Helm v2 Tiller (app: helm, name: tiller).", Key(resource, "labels"));
            }
        }
    }
}
