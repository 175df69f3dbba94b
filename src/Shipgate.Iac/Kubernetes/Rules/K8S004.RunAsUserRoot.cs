using Shipgate.Core;
using Shipgate.Yaml;

namespace Shipgate.Iac.Kubernetes.Rules;

internal sealed class RunAsUserRoot : KubernetesRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "K8S004", "run-as-user-root", "Container is set to run as UID 0",
        Severity.High, Confidence.High,
        ["trivy:KSV-0105"],
        "'runAsUser: 0' explicitly runs the container's processes as root, whatever the image says. Root in a container keeps many dangerous kernel interfaces reachable and makes any container escape a root compromise of the node.",
        "Set 'runAsUser' to a non-zero UID (above 10000 avoids clashing with host users) and 'runAsNonRoot: true'.",
        "security", "cwe-250");

    public override IEnumerable<Finding> Analyze(KubernetesManifest document, RuleContext context)
    {
        foreach (var (resource, _, container) in document.Containers())
        {
            if (container.Effective("runAsUser") is { Value: YamlScalar { AsInteger: 0 } } entry)
            {
                yield return Report(context, document, entry, $"{Subject(resource, container)} runs as UID 0 (root).", Key(resource, container));
            }
        }
    }
}
