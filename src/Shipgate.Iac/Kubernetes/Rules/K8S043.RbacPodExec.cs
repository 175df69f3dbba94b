using Shipgate.Core;

namespace Shipgate.Iac.Kubernetes.Rules;

internal sealed class RbacPodExec : KubernetesRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "K8S043", "rbac-pod-exec", "Role can exec or attach into pods",
        Severity.High, Confidence.High,
        ["trivy:KSV-0053"],
        "Reports Roles and ClusterRoles that allow 'create' or 'get' on pods/exec or pods/attach. 'create' (or 'get', which older API servers accept) on pods/exec or pods/attach lets the subject run commands inside any pod in scope, and so act with those pods' service accounts, secrets and network access.",
        "Remove pods/exec and pods/attach from roles used by workloads; grant them to humans only through a break-glass role.",
        "security", "rbac");

    public override IEnumerable<Finding> Analyze(KubernetesManifest document, RuleContext context)
    {
        foreach (var resource in document.OfKind("Role", "ClusterRole"))
        {
            foreach (var rule in RbacRule.Of(resource))
            {
                if (rule.Resource("pods/exec", "pods/attach") is { } sub && rule.HasVerb("create", "get", "*"))
                {
                    yield return Report(context, document, sub, $"{resource.Display} can open a shell in pods through {sub.Value}.", Key(resource, sub.Value));
                }
            }
        }
    }
}
