using Shipgate.Core;
using Shipgate.Yaml;

namespace Shipgate.Iac.Kubernetes.Rules;

/// <summary>The shared shape of the four "resource limit/request missing" rules; one subclass per setting.</summary>
internal abstract class MissingResourceRule : KubernetesRule
{
    /// <summary><c>limits</c> or <c>requests</c>.</summary>
    protected abstract string Section { get; }

    /// <summary><c>cpu</c> or <c>memory</c>.</summary>
    protected abstract string Resource { get; }

    public override bool ReportsMissingSettings => true;

    public override IEnumerable<Finding> Analyze(KubernetesManifest document, RuleContext context)
    {
        foreach (var (resource, _, container) in document.Containers())
        {
            // Ephemeral containers cannot declare resources.
            if (container.Kind == ContainerKind.Ephemeral)
            {
                continue;
            }

            var resources = container.Resources;
            var section = resources?.Mapping(Section);
            if (section?.Entry(Resource) is { Value: not YamlScalar { IsNull: true } })
            {
                continue;
            }

            // A limit without a request defaults the request to the limit.
            if (Section == "requests" && resources?.Mapping("limits")?.Entry(Resource) is { Value: not YamlScalar { IsNull: true } })
            {
                continue;
            }

            var message = $"{Subject(resource, container)} sets no {Resource} {Singular}.";
            var entry = resources?.Entry(Section) ?? container.Mapping.Entry("resources");
            yield return entry is not null
                ? Report(context, document, entry, message, Key(resource, container))
                : Report(context, document, container.Mapping, message, Key(resource, container));
        }
    }

    private string Singular => Section == "limits" ? "limit" : "request";
}
