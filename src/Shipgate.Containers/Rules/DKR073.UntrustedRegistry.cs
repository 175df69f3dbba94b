using Shipgate.Containers.Dockerfiles;
using Shipgate.Core;

namespace Shipgate.Containers.Rules;

internal sealed class UntrustedRegistry : DockerfileRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "DKR073", "untrusted-registry", "Base image comes from a registry that is not trusted",
        Severity.High, Confidence.High,
        ["hadolint:DL3026"],
        "The organisation lists the registries base images may come from (option 'trusted-registries'), and this FROM pulls from another one. Images from unvetted registries bypass the organisation's scanning and provenance controls.",
        "Pull the image from a trusted registry or mirror it there; or add the registry to the rule's 'trusted-registries' option. '*.example.com' matches subdomains.",
        tags: ["supply-chain"]);

    public override IEnumerable<Finding> Analyze(Dockerfile document, RuleContext context)
    {
        var trusted = context.ListOption(this, "trusted-registries");
        if (trusted.Count == 0)
        {
            trusted = context.ListOption(this, "trusted_registries");
        }

        if (trusted.Count == 0)
        {
            yield break;
        }

        foreach (var stage in document.Stages)
        {
            var image = stage.Image;
            if (stage.Parent is not null || image.IsScratch || image.HasUnresolvedVariables || image.Repository.Length == 0)
            {
                continue;
            }

            var registry = image.Registry ?? "docker.io";
            if (!trusted.Any(t => Matches(t, registry)))
            {
                yield return Report(context, document, stage.From, $"The image '{image.Resolved}' comes from registry '{registry}', which is not in the trusted list ({string.Join(", ", trusted)}).", registry);
            }
        }
    }

    private static bool Matches(string pattern, string registry)
    {
        if (pattern.StartsWith("*.", StringComparison.Ordinal))
        {
            return registry.EndsWith(pattern[1..], StringComparison.OrdinalIgnoreCase);
        }

        return registry.Equals(pattern, StringComparison.OrdinalIgnoreCase)
            || (pattern is "docker.io" or "hub.docker.com" && registry is "docker.io" or "index.docker.io" or "registry-1.docker.io");
    }
}
