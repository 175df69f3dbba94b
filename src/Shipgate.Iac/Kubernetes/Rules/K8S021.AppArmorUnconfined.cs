using Shipgate.Core;
using Shipgate.Yaml;

namespace Shipgate.Iac.Kubernetes.Rules;

internal sealed class AppArmorUnconfined : KubernetesRule
{
    private const string AnnotationPrefix = "container.apparmor.security.beta.kubernetes.io/";

    public override RuleMetadata Metadata { get; } = Define(
        "K8S021", "app-armor-unconfined", "AppArmor profile is disabled or not a default profile",
        Severity.Medium, Confidence.High,
        ["trivy:KSV-0002"],
        "The baseline Pod Security Standard allows only the runtime's default AppArmor profile or a profile loaded on the node ('localhost/...'). 'unconfined' turns AppArmor off for the container, and other values are not valid profiles.",
        "Remove the annotation or 'appArmorProfile' override, or set it to 'runtime/default' ('type: RuntimeDefault').",
        "security");

    public override IEnumerable<Finding> Analyze(KubernetesManifest document, RuleContext context)
    {
        foreach (var (resource, pod, container) in document.Containers())
        {
            if (pod.Annotations?.Scalar(AnnotationPrefix + container.Name) is { } annotation)
            {
                var value = annotation.Value.Trim();
                if (value != "runtime/default" && !value.StartsWith("localhost/", StringComparison.Ordinal))
                {
                    yield return Report(context, document, annotation, $"{Subject(resource, container)} uses AppArmor profile '{Clip(value)}'; use runtime/default.", Key(resource, container, value));
                }
            }

            if (container.Effective("appArmorProfile")?.Value is YamlMapping profile && profile.Scalar("type") is { } type
                && type.Value.Trim() is not "RuntimeDefault" and not "Localhost")
            {
                yield return Report(context, document, type, $"{Subject(resource, container)} uses AppArmor profile type '{Clip(type.Value)}'; use RuntimeDefault.", Key(resource, container, type.Value));
            }
        }
    }
}
