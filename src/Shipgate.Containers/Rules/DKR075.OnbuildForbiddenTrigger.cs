using Shipgate.Containers.Dockerfiles;
using Shipgate.Core;

namespace Shipgate.Containers.Rules;

internal sealed class OnbuildForbiddenTrigger : DockerfileRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "DKR075", "onbuild-forbidden-trigger", "ONBUILD wraps ONBUILD, FROM or MAINTAINER",
        Severity.High, Confidence.High,
        ["hadolint:DL3043"],
        "ONBUILD cannot trigger ONBUILD, FROM or MAINTAINER; the builder rejects the Dockerfile.",
        "Remove the ONBUILD prefix or move the instruction out of the trigger.",
        tags: ["correctness"]);

    public override IEnumerable<Finding> Analyze(Dockerfile document, RuleContext context)
    {
        foreach (var onbuild in document.Instructions.Where(i => i.Is("ONBUILD")))
        {
            if (onbuild.Inner is { } inner && (inner.Is("ONBUILD") || inner.Is("FROM") || inner.Is("MAINTAINER")))
            {
                yield return Report(context, document, onbuild, $"ONBUILD cannot trigger {inner.Keyword}.", "ONBUILD " + inner.Keyword);
            }
        }
    }
}
