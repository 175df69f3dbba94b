using Shipgate.Core;

using Shipgate.Yaml;

namespace Shipgate.Iac.Kubernetes.Rules;

internal sealed class IngressNginxAnnotationInjection : KubernetesRule
{
    private const string Prefix = "nginx.ingress.kubernetes.io/";

    private static readonly string[] Checked = ["auth-url", "auth-tls-match-cn", "mirror-target", "mirror-host", "auth-signin", "permanent-redirect", "temporal-redirect"];

    private static readonly System.Buffers.SearchValues<char> ConfigSyntax = System.Buffers.SearchValues.Create(";{}|\n\r'\"`\\");

    public override RuleMetadata Metadata { get; } = Define(
        "K8S049", "ingress-nginx-annotation-injection", "ingress-nginx annotation value can inject configuration",
        Severity.High, Confidence.High,
        ["trivy:KCV-0093", "checkov:CKV_K8S_152", "checkov:CKV_K8S_154"],
        "ingress-nginx copies the values of annotations such as auth-url, auth-tls-match-cn, mirror-target and mirror-host into the generated nginx.conf. A value holding nginx syntax (';', braces, quotes, '|', newlines) ends the directive and injects configuration into the controller, which holds a token able to read every Secret in the cluster (CVE-2021-25742, CVE-2023-5043, CVE-2025-1974).",
        "Use a plain URL or common-name pattern without nginx syntax characters, upgrade ingress-nginx, and enable its annotation validation.",
        "security", "injection");

    public override IEnumerable<Finding> Analyze(KubernetesManifest document, RuleContext context)
    {
        foreach (var resource in document.OfKind("Ingress"))
        {
            foreach (var entry in resource.Annotations?.Entries ?? [])
            {
                var key = entry.Key.Value;
                if (!key.StartsWith(Prefix, StringComparison.Ordinal) || Array.IndexOf(Checked, key[Prefix.Length..]) < 0 || entry.Value is not YamlScalar value)
                {
                    continue;
                }

                var at = value.Value.AsSpan().TrimEnd().IndexOfAny(ConfigSyntax);
                if (at >= 0)
                {
                    var shown = value.Value[at] switch { '\n' => "a newline", '\r' => "a carriage return", var c => $"'{c}'" };
                    yield return Report(context, document, entry, $"{resource.Display} annotation '{key}' contains {shown}, which can inject nginx configuration.", Key(resource, key));
                }
            }
        }
    }
}
