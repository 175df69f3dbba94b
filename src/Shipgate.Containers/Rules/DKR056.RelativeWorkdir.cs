using Shipgate.Containers.Dockerfiles;
using Shipgate.Core;

namespace Shipgate.Containers.Rules;

internal sealed class RelativeWorkdir : DockerfileRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "DKR056", "relative-workdir", "WORKDIR is a relative path",
        Severity.Medium, Confidence.High,
        ["hadolint:DL3000", "trivy:DS-0009"],
        "A relative WORKDIR is resolved against the previous working directory, which depends on the base image; the files land somewhere else when the base image changes.",
        "Use an absolute path: 'WORKDIR /app'.",
        tags: ["correctness"]);

    public override IEnumerable<Finding> Analyze(Dockerfile document, RuleContext context)
    {
        foreach (var workdir in document.EffectiveOfKind("WORKDIR"))
        {
            var path = workdir.Body.Trim();
            if (path.Length > 0 && !CopySpec.IsAbsolute(path))
            {
                yield return Report(context, document, workdir, $"WORKDIR '{path}' is relative; use an absolute path.", path);
            }
        }
    }
}
