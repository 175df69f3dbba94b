using Shipgate.Containers.Dockerfiles;
using Shipgate.Core;

namespace Shipgate.Containers.Rules;

internal sealed class DuplicateStageName : DockerfileRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "DKR068", "duplicate-stage-name", "Two stages share a name",
        Severity.High, Confidence.High,
        ["hadolint:DL3024", "trivy:DS-0012"],
        "Stage names must be unique. With a duplicate, 'COPY --from' and '--target' resolve to a different stage than the author meant (or the build fails).",
        "Rename one of the stages.",
        tags: ["correctness"]);

    public override IEnumerable<Finding> Analyze(Dockerfile document, RuleContext context)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var stage in document.Stages)
        {
            if (stage.Name is { } name && !seen.Add(name))
            {
                yield return Report(context, document, stage.From, $"The stage name '{name}' is already used by an earlier stage.", name);
            }
        }
    }
}
