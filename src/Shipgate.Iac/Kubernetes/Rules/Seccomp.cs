using Shipgate.Yaml;

namespace Shipgate.Iac.Kubernetes.Rules;

/// <summary>Reads the seccomp profile that applies to a container: the securityContext field, or the legacy annotations.</summary>
internal static class Seccomp
{
    public const string PodAnnotation = "seccomp.security.alpha.kubernetes.io/pod";
    public const string ContainerAnnotationPrefix = "container.seccomp.security.alpha.kubernetes.io/";

    /// <summary>The node that decides the profile and its normalised type (RuntimeDefault, Localhost, Unconfined, ...), or null.</summary>
    public static (YamlNode Node, string Type)? Of(Container container)
    {
        if (container.Effective("seccompProfile") is { } entry)
        {
            return entry.Value is YamlMapping profile && profile.Scalar("type") is { } type
                ? (type, type.Value.Trim())
                : (entry.Value, "");
        }

        var annotations = container.Pod.Annotations;
        var annotation = annotations?.Scalar(ContainerAnnotationPrefix + container.Name) ?? annotations?.Scalar(PodAnnotation);
        if (annotation is null)
        {
            return null;
        }

        var value = annotation.Value.Trim();
        var normalised = value switch
        {
            "runtime/default" or "docker/default" => "RuntimeDefault",
            "unconfined" => "Unconfined",
            _ when value.StartsWith("localhost/", StringComparison.Ordinal) => "Localhost",
            _ => value,
        };
        return (annotation, normalised);
    }
}
