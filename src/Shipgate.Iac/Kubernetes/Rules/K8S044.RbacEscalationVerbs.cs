using Shipgate.Core;

namespace Shipgate.Iac.Kubernetes.Rules;

internal sealed class RbacEscalationVerbs : KubernetesRule
{
    private static readonly string[] Verbs = ["escalate", "bind", "impersonate"];

    public override RuleMetadata Metadata { get; } = Define(
        "K8S044", "rbac-escalation-verbs", "Role grants escalate, bind or impersonate",
        Severity.High, Confidence.High,
        ["checkov:CKV_K8S_157", "checkov:CKV_K8S_158", "trivy:KSV-0043"],
        "'escalate' lets the subject write roles with permissions it does not hold, 'bind' lets it bind itself to any role (cluster-admin included), and 'impersonate' lets it act as other users, groups or service accounts. Each is a direct path to cluster-admin.",
        "Remove these verbs from roles used by workloads and CI; keep them for a few audited administrators.",
        "security", "rbac");

    public override IEnumerable<Finding> Analyze(KubernetesManifest document, RuleContext context)
    {
        foreach (var resource in document.OfKind("Role", "ClusterRole"))
        {
            foreach (var rule in RbacRule.Of(resource))
            {
                foreach (var verb in rule.Verbs)
                {
                    if (Array.IndexOf(Verbs, verb.Value.Trim()) >= 0)
                    {
                        yield return Report(context, document, verb, $"{resource.Display} grants the '{verb.Value.Trim()}' verb.", Key(resource, verb.Value));
                    }
                }
            }
        }
    }
}
