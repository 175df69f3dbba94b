using Shipgate.Core;
using Shipgate.Yaml;

namespace Shipgate.Iac.Kubernetes.Rules;

internal sealed class RunAsRootAllowed : KubernetesRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "K8S003", "run-as-root-allowed", "Container may run as root",
        Severity.Medium, Confidence.Medium,
        ["trivy:KSV-0012", "checkov:CKV_K8S_23", "polaris:runAsRootAllowed", "kubesec:runAsNonRoot"],
        "Neither 'runAsNonRoot: true' nor a non-zero 'runAsUser' applies to the container (container level overrides pod level), so it runs as whatever user the image declares, which is root for most images. Root in a container is one kernel bug away from root on the node.",
        "Set 'securityContext.runAsNonRoot: true' (pod or container level) and a non-zero 'runAsUser', and build the image with a non-root USER.",
        "security", "cwe-250");

    public override bool ReportsMissingSettings => true;

    public override IEnumerable<Finding> Analyze(KubernetesManifest document, RuleContext context)
    {
        foreach (var (resource, _, container) in document.Containers())
        {
            var nonRoot = container.Effective("runAsNonRoot");
            var user = container.Effective("runAsUser");
            if (nonRoot is { Value: YamlScalar { AsBoolean: true } } || user is { Value: YamlScalar { AsInteger: > 0 } })
            {
                continue;
            }

            yield return nonRoot is not null
                ? Report(context, document, nonRoot, $"{Subject(resource, container)} sets runAsNonRoot to '{Clip(document.Source.RawOf(nonRoot.Value))}', so it may run as root.", Key(resource, container))
                : Report(context, document, container.Mapping, $"{Subject(resource, container)} sets neither runAsNonRoot: true nor a non-zero runAsUser, so it may run as root.", Key(resource, container));
        }
    }
}
