using Shipgate.Containers.Dockerfiles;
using Shipgate.Core;

namespace Shipgate.Containers.Rules;

internal sealed class CopyMultipleSourcesNoSlash : DockerfileRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "DKR071", "copy-multiple-sources-no-slash", "COPY with several sources needs a destination ending in /",
        Severity.High, Confidence.High,
        ["hadolint:DL3021", "trivy:DS-0011"],
        "When COPY has more than one source, the destination must be a directory written with a trailing slash; otherwise the build fails.",
        "End the destination with '/': 'COPY a.txt b.txt /app/'.",
        tags: ["correctness"]);

    public override IEnumerable<Finding> Analyze(Dockerfile document, RuleContext context)
    {
        foreach (var copy in document.EffectiveOfKind("COPY"))
        {
            if (CopySpec.Of(copy) is { Sources.Count: > 1 } spec && !spec.Destination.EndsWith('/') && !spec.Destination.EndsWith('\\'))
            {
                yield return Report(context, document, copy, $"COPY has {spec.Sources.Count} sources but the destination '{spec.Destination}' does not end with '/'.", spec.Destination);
            }
        }
    }
}
