using Shipgate.Core;
using Shipgate.Yaml;

namespace Shipgate.Iac.Kubernetes.Rules;

internal sealed class LowUserId : KubernetesRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "K8S005", "low-user-id", "Container runs with a UID of 10000 or less",
        Severity.Low, Confidence.Medium,
        ["trivy:KSV-0020", "checkov:CKV_K8S_40", "kubesec:runAsUser"],
        "When 'runAsUser' is unset or at most 10000, the container's UID may coincide with a real user on the node. Should the container escape, it acts with that user's file permissions. A high UID (above 10000) makes such an overlap unlikely.",
        "Set 'securityContext.runAsUser' to a UID above 10000 (pod or container level).",
        "security");

    public override bool ReportsMissingSettings => true;

    public override IEnumerable<Finding> Analyze(KubernetesManifest document, RuleContext context)
    {
        foreach (var (resource, _, container) in document.Containers())
        {
            var entry = container.Effective("runAsUser");
            if (entry is null)
            {
                yield return Report(context, document, container.Mapping, $"{Subject(resource, container)} does not set runAsUser; use a UID above 10000.", Key(resource, container));
            }
            else if (entry.Value is YamlScalar { AsInteger: { } uid and <= 10000 })
            {
                yield return Report(context, document, entry, $"{Subject(resource, container)} runs as UID {uid}; use a UID above 10000.", Key(resource, container));
            }
        }
    }
}
