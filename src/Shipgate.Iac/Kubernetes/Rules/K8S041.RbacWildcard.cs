using Shipgate.Core;

using Shipgate.Yaml;

namespace Shipgate.Iac.Kubernetes.Rules;

internal sealed class RbacWildcard : KubernetesRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "K8S041", "rbac-wildcard", "Role grants wildcard verbs or resources",
        Severity.High, Confidence.High,
        ["trivy:KSV-0044", "trivy:KSV-0045", "trivy:KSV-0046", "checkov:CKV_K8S_49"],
        "A '*' in a Role's verbs or resources grants every current and future verb or resource type, including ones added later by CRDs. A wildcard on both is cluster-admin within the role's scope.",
        "List the exact verbs and resources the subject needs (for example verbs: [get, list, watch] on resources: [configmaps]).",
        "security", "rbac");

    public override IEnumerable<Finding> Analyze(KubernetesManifest document, RuleContext context)
    {
        foreach (var resource in document.OfKind("Role", "ClusterRole"))
        {
            foreach (var rule in RbacRule.Of(resource))
            {
                var verb = rule.Verbs.FirstOrDefault(v => v.Value.Trim() == "*");
                var kind = rule.Resource("*");
                if (verb is null && kind is null)
                {
                    continue;
                }

                var what = verb is not null && kind is not null ? "every verb on every resource"
                    : verb is not null ? "every verb on " + string.Join(", ", rule.Resources.Select(r => r.Value))
                    : string.Join(", ", rule.Verbs.Select(v => v.Value)) + " on every resource";
                yield return Report(context, document, (YamlNode?)verb ?? kind!, $"{resource.Display} grants {Clip(what, 80)}.", Key(resource, what));
            }
        }
    }
}
