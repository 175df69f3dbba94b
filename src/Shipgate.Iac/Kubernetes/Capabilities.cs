using Shipgate.Yaml;

namespace Shipgate.Iac.Kubernetes;

/// <summary>
/// Reads <c>securityContext.capabilities.add</c> / <c>drop</c> of a container. Names are normalised the way the
/// runtime does: upper case, without the <c>CAP_</c> prefix. Stateless.
/// </summary>
internal static class Capabilities
{
    public static IEnumerable<(YamlScalar Node, string Name)> Added(Container container) => Read(container, "add");

    public static IEnumerable<(YamlScalar Node, string Name)> Dropped(Container container) => Read(container, "drop");

    public static YamlMapping? Block(Container container) => container.SecurityContext?.Mapping("capabilities");

    public static string Normalise(string name)
    {
        var upper = name.Trim().ToUpperInvariant();
        return upper.StartsWith("CAP_", StringComparison.Ordinal) ? upper[4..] : upper;
    }

    private static IEnumerable<(YamlScalar Node, string Name)> Read(Container container, string key)
    {
        if (Block(container)?.Sequence(key) is not { } list)
        {
            yield break;
        }

        foreach (var item in list.Items)
        {
            if (item is YamlScalar { IsNull: false } scalar)
            {
                yield return (scalar, Normalise(scalar.Value));
            }
        }
    }
}
