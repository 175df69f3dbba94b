using Shipgate.Core;
using Shipgate.Yaml;

namespace Shipgate.Iac.Kubernetes.Rules;

internal sealed class PrivilegeEscalationAllowed : KubernetesRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "K8S002", "privilege-escalation-allowed", "Container may gain more privileges than its parent process",
        Severity.Medium, Confidence.High,
        ["trivy:KSV-0001", "checkov:CKV_K8S_20", "polaris:privilegeEscalationAllowed", "kubesec:allowPrivilegeEscalation"],
        "Reports containers whose 'securityContext.allowPrivilegeEscalation' is missing or not false. Unless 'securityContext.allowPrivilegeEscalation' is false, the no_new_privs flag is not set on the container's processes, so setuid binaries and file capabilities can raise a process's privileges (the default is true).",
        "Set 'securityContext.allowPrivilegeEscalation: false' on every container.",
        "security");

    public override bool ReportsMissingSettings => true;

    public override IEnumerable<Finding> Analyze(KubernetesManifest document, RuleContext context)
    {
        foreach (var (resource, _, container) in document.Containers())
        {
            var entry = container.Own("allowPrivilegeEscalation");
            if (entry is { Value: YamlScalar { AsBoolean: false } })
            {
                continue;
            }

            yield return entry is not null
                ? Report(context, document, entry, $"{Subject(resource, container)} sets allowPrivilegeEscalation to '{Clip(document.Source.RawOf(entry.Value))}'; set it to false.", Key(resource, container))
                : Report(context, document, container.Mapping, $"{Subject(resource, container)} does not set allowPrivilegeEscalation to false, so setuid binaries can raise privileges.", Key(resource, container));
        }
    }
}
