using Shipgate.Core;
using Shipgate.Yaml;

namespace Shipgate.Iac.Kubernetes.Rules;

internal sealed class SeLinuxCustomOptions : KubernetesRule
{
    private static readonly string[] AllowedTypes = ["", "container_t", "container_init_t", "container_kvm_t", "container_engine_t"];

    public override RuleMetadata Metadata { get; } = Define(
        "K8S022", "se-linux-custom-options", "Custom SELinux user, role or type is set",
        Severity.Medium, Confidence.High,
        ["trivy:KSV-0025"],
        "The baseline Pod Security Standard forbids setting an SELinux user or role and allows only the container_t family of types. A custom type can lift the confinement SELinux puts on containers.",
        "Remove 'seLinuxOptions.user' and '.role', and keep '.type' unset or one of container_t, container_init_t, container_kvm_t.",
        "security");

    public override IEnumerable<Finding> Analyze(KubernetesManifest document, RuleContext context)
    {
        foreach (var (resource, pod) in document.Workloads())
        {
            foreach (var finding in Check(document, context, resource, pod.SecurityContext?.Mapping("seLinuxOptions"), resource.Display))
            {
                yield return finding;
            }

            foreach (var container in pod.Containers)
            {
                var subject = Subject(resource, container);
                foreach (var finding in Check(document, context, resource, container.SecurityContext?.Mapping("seLinuxOptions"), subject))
                {
                    yield return finding;
                }
            }
        }
    }

    private IEnumerable<Finding> Check(KubernetesManifest document, RuleContext context, KubernetesResource resource, YamlMapping? options, string subject)
    {
        if (options is null)
        {
            yield break;
        }

        if (options.Scalar("type") is { } type && Array.IndexOf(AllowedTypes, type.Value.Trim()) < 0)
        {
            yield return Report(context, document, type, $"{subject} sets the SELinux type '{Clip(type.Value)}'.", Key(resource, subject + "/type"));
        }

        foreach (var key in new[] { "user", "role" })
        {
            if (options.Scalar(key) is { } value)
            {
                yield return Report(context, document, value, $"{subject} sets the SELinux {key} '{Clip(value.Value)}'.", Key(resource, subject + "/" + key));
            }
        }
    }
}
