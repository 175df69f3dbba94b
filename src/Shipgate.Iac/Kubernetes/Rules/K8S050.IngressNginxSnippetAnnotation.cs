using Shipgate.Core;

namespace Shipgate.Iac.Kubernetes.Rules;

internal sealed class IngressNginxSnippetAnnotation : KubernetesRule
{
    private const string Prefix = "nginx.ingress.kubernetes.io/";

    public override RuleMetadata Metadata { get; } = Define(
        "K8S050", "ingress-nginx-snippet-annotation", "Ingress uses an ingress-nginx snippet annotation",
        Severity.Medium, Confidence.High,
        ["checkov:CKV_K8S_153"],
        "Snippet annotations (configuration-snippet, server-snippet, auth-snippet, ...) paste raw nginx configuration, Lua included, into the shared controller. Whoever can edit an Ingress can then read files and the controller's service account token (CVE-2021-25742); the controller disables them by default since v1.9.",
        "Replace the snippet with dedicated annotations or a controller-level ConfigMap setting, and keep 'allow-snippet-annotations' false on the controller.",
        "security", "injection");

    public override IEnumerable<Finding> Analyze(KubernetesManifest document, RuleContext context)
    {
        foreach (var resource in document.OfKind("Ingress"))
        {
            foreach (var entry in resource.Annotations?.Entries ?? [])
            {
                var key = entry.Key.Value;
                if (key.StartsWith(Prefix, StringComparison.Ordinal) && key.EndsWith("-snippet", StringComparison.Ordinal))
                {
                    yield return Report(context, document, entry.Key, $"{resource.Display} uses the snippet annotation '{key}'.", Key(resource, key));
                }
            }
        }
    }
}
