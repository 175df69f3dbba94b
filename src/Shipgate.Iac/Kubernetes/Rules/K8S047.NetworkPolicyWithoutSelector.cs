using Shipgate.Core;
using Shipgate.Yaml;

namespace Shipgate.Iac.Kubernetes.Rules;

internal sealed class NetworkPolicyWithoutSelector : KubernetesRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "K8S047", "network-policy-without-selector", "NetworkPolicy selects no pods",
        Severity.Medium, Confidence.High,
        ["trivy:KSV-0038"],
        "Reports NetworkPolicies without a 'podSelector' and without pod or namespace selectors in their rules. A NetworkPolicy without 'podSelector' (and without pod or namespace selectors in its rules) is invalid or applies to nothing, so the traffic restriction its author intended is not in force.",
        "Add 'spec.podSelector' ('{}' selects every pod of the namespace) and select peers with podSelector or namespaceSelector in the ingress and egress rules.",
        "security", "network");

    public override bool ReportsMissingSettings => true;

    public override IEnumerable<Finding> Analyze(KubernetesManifest document, RuleContext context)
    {
        foreach (var resource in document.OfKind("NetworkPolicy"))
        {
            var spec = resource.Spec;
            if (spec is not null && (spec.ContainsKey("podSelector") || spec.ContainsKey("namespaceSelector") || PeerSelects(spec, "ingress", "from") || PeerSelects(spec, "egress", "to")))
            {
                continue;
            }

            var message = $"{resource.Display} selects no pods: it has no podSelector.";
            yield return resource.Root.Entry("spec") is { } entry
                ? Report(context, document, entry, message, Key(resource))
                : Report(context, document, resource.Root, message, Key(resource));
        }
    }

    private static bool PeerSelects(YamlMapping spec, string direction, string peers) =>
        spec.Sequence(direction)?.Items.OfType<YamlMapping>()
            .SelectMany(r => r.Sequence(peers)?.Items.OfType<YamlMapping>() ?? [])
            .Any(p => p.ContainsKey("podSelector") || p.ContainsKey("namespaceSelector")) == true;
}
