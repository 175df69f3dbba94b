using Shipgate.Core;
using Shipgate.Yaml;

namespace Shipgate.Iac.Kubernetes.Rules;

internal sealed class SecretInContainerEnv : KubernetesRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "K8S034", "secret-in-container-env", "Credential written as a literal environment variable",
        Severity.High, Confidence.Medium,
        ["polaris:sensitiveContainerEnvVar", "concept:K8S-SECRET-ENV-LITERAL"],
        "An environment variable with a credential-like name (PASSWORD, API_KEY, TOKEN, ...) has its value written into the manifest. The value is committed to source control, shown by 'kubectl describe', and readable by anyone who can read the workload.",
        "Store the value in a Secret (or an external secret store) and reference it with 'valueFrom.secretKeyRef'; rotate the exposed credential.",
        "security", "cwe-798");

    public override IEnumerable<Finding> Analyze(KubernetesManifest document, RuleContext context)
    {
        foreach (var (resource, _, container) in document.Containers())
        {
            foreach (var variable in container.Mapping.Sequence("env")?.Items.OfType<YamlMapping>() ?? [])
            {
                if (variable.ScalarValue("name") is { } name && SecretNames.IsSecretName(name)
                    && variable.Scalar("value") is { } value && SecretNames.IsLiteral(value.Value))
                {
                    yield return Report(context, document, value, $"{Subject(resource, container)} sets {name} to a literal value; reference a Secret instead.", Key(resource, container, name));
                }
            }
        }
    }
}
