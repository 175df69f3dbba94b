using Shipgate.Core;
using Shipgate.Yaml;

namespace Shipgate.Iac.Kubernetes.Rules;

internal sealed class SecretManifestValues : KubernetesRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "K8S038", "secret-manifest-values", "Secret manifest commits credential values",
        Severity.Medium, Confidence.Medium,
        ["concept:K8S-SECRET-MANIFEST"],
        "Reports Secret manifests that carry literal values in 'data' or 'stringData'. A Secret manifest with values in 'data' (base64 is an encoding, not encryption) or 'stringData' puts the credentials into source control, where every clone, fork and CI log keeps them.",
        "Keep Secret values out of the repository: use Sealed Secrets, SOPS, External Secrets Operator or the CSI secrets store, and rotate values that were committed.",
        "security", "cwe-798");

    public override IEnumerable<Finding> Analyze(KubernetesManifest document, RuleContext context)
    {
        foreach (var resource in document.OfKind("Secret"))
        {
            var type = resource.Root.ScalarValue("type");
            if (type is "kubernetes.io/service-account-token")
            {
                continue;
            }

            foreach (var section in new[] { "data", "stringData" })
            {
                foreach (var entry in resource.Root.Mapping(section)?.Entries ?? [])
                {
                    if (entry.Value is YamlScalar value && SecretNames.IsLiteral(value.Value))
                    {
                        yield return Report(context, document, entry.Key, $"{resource.Display} commits a value for '{entry.Key.Value}' in {section}.", Key(resource, section + "/" + entry.Key.Value));
                    }
                }
            }
        }
    }
}
