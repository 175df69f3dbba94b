using Shipgate.Core;

namespace Shipgate.Iac.Kubernetes.Rules;

internal sealed class RbacSecretsAccess : KubernetesRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "K8S042", "rbac-secrets-access", "Role can read Secrets",
        Severity.Medium, Confidence.High,
        ["trivy:KSV-0041"],
        "get, list or watch on 'secrets' reveals every Secret in the role's scope: database passwords, API keys and service account tokens of more privileged accounts. 'list' returns the values too, not only the names.",
        "Restrict the rule to the named Secrets the workload needs with 'resourceNames', or mount those Secrets into the pod instead of reading them through the API.",
        "security", "rbac");

    public override IEnumerable<Finding> Analyze(KubernetesManifest document, RuleContext context)
    {
        foreach (var resource in document.OfKind("Role", "ClusterRole"))
        {
            foreach (var rule in RbacRule.Of(resource))
            {
                if (rule.Resource("secrets") is { } secrets && rule.HasVerb("get", "list", "watch", "*") && !rule.Node.ContainsKey("resourceNames"))
                {
                    var verbs = string.Join(", ", rule.Verbs.Select(v => v.Value));
                    yield return Report(context, document, secrets, $"{resource.Display} can {Clip(verbs)} all Secrets in its scope.", Key(resource, verbs));
                }
            }
        }
    }
}
