using Shipgate.Core;
using Shipgate.Yaml;

namespace Shipgate.Iac.Kubernetes.Rules;

internal sealed class ServiceAccountTokenAutomounted : KubernetesRule
{
    private const string TokenPath = "/var/run/secrets/kubernetes.io/serviceaccount";

    public override RuleMetadata Metadata { get; } = Define(
        "K8S033", "service-account-token-automounted", "Pod explicitly mounts its service account token",
        Severity.Medium, Confidence.Medium,
        ["trivy:KSV-0036", "checkov:CKV_K8S_38", "polaris:automountServiceAccountToken", "kubesec:automountServiceAccountToken"],
        "A pod with 'automountServiceAccountToken: true', or one that mounts a volume at the token path, hands every process in it a credential for the Kubernetes API. Most applications never call the API; for them the token only helps an attacker who gets code execution.",
        "Set 'automountServiceAccountToken: false' on the pod (or its ServiceAccount) unless the workload calls the Kubernetes API, and then bind it a minimal Role.",
        "security");

    public override IEnumerable<Finding> Analyze(KubernetesManifest document, RuleContext context)
    {
        foreach (var (resource, pod) in document.Workloads())
        {
            var setting = pod.Spec.Entry("automountServiceAccountToken");
            if (setting is { Value: YamlScalar { AsBoolean: true } })
            {
                yield return Report(context, document, setting, $"{resource.Display} sets automountServiceAccountToken: true.", Key(resource));
                continue;
            }

            if (setting is not null)
            {
                continue;
            }

            foreach (var container in pod.Containers)
            {
                foreach (var mount in container.Mapping.Sequence("volumeMounts")?.Items.OfType<YamlMapping>() ?? [])
                {
                    if (mount.Scalar("mountPath") is { } path && path.Value.Trim().TrimEnd('/') == TokenPath)
                    {
                        yield return Report(context, document, path, $"{Subject(resource, container)} mounts a volume at the service account token path.", Key(resource, container));
                    }
                }
            }
        }
    }
}
