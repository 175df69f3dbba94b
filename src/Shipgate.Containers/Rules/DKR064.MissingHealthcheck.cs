using Shipgate.Containers.Dockerfiles;
using Shipgate.Core;

namespace Shipgate.Containers.Rules;

internal sealed class MissingHealthcheck : DockerfileRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "DKR064", "missing-healthcheck", "Final image has no HEALTHCHECK",
        Severity.Low, Confidence.Medium,
        ["hadolint:DL3057", "trivy:DS-0026", "checkov:CKV_DOCKER_2"],
        "Without a HEALTHCHECK, Docker and Swarm only know whether the process is alive, not whether it works; a hung service keeps receiving traffic. (Kubernetes ignores HEALTHCHECK and uses probes.)",
        "Add a HEALTHCHECK that exercises the service ('HEALTHCHECK CMD curl -f http://localhost:8080/health || exit 1'), or 'HEALTHCHECK NONE' to state that none is wanted.",
        tags: ["availability"]);

    public override IEnumerable<Finding> Analyze(Dockerfile document, RuleContext context)
    {
        if (document.FinalStage is not { } final)
        {
            yield break;
        }

        for (var stage = final; stage is not null; stage = stage.Parent)
        {
            if (stage.Instructions.Any(i => i.Is("HEALTHCHECK")))
            {
                yield break;
            }
        }

        yield return Report(context, document, final.From, $"The final stage ('{final.Image.Written}') defines no HEALTHCHECK.", final.Image.Written);
    }
}
