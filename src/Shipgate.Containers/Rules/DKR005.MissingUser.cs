using Shipgate.Containers.Dockerfiles;
using Shipgate.Core;

namespace Shipgate.Containers.Rules;

internal sealed class MissingUser : DockerfileRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "DKR005", "missing-user", "Final image has no USER and runs as root",
        Severity.Medium, Confidence.Medium,
        ["trivy:DS-0002", "checkov:CKV_DOCKER_3"],
        "Neither the final stage nor the stages it builds on set a USER, so the container runs as root unless the base image chose otherwise. A compromised process then has full control of the container.",
        "Create an unprivileged user and switch to it at the end of the final stage: 'RUN useradd -r -u 10001 app' then 'USER 10001'.",
        tags: ["hardening", "cwe-250"]);

    public override IEnumerable<Finding> Analyze(Dockerfile document, RuleContext context)
    {
        if (document.FinalStage is not { } final)
        {
            yield break;
        }

        for (var stage = final; stage is not null; stage = stage.Parent)
        {
            if (stage.Instructions.Any(i => i.Is("USER")))
            {
                yield break;
            }
        }

        if (document.Stages.Any(s => s.Instructions.Any(i => i.Is("USER"))) || NonRootBase(final))
        {
            yield break;
        }

        yield return Report(context, document, final.From, $"The final stage ('{final.Image.Written}') never sets USER, so the container runs as root.", final.Image.Written);
    }

    private static bool NonRootBase(Stage stage)
    {
        var root = stage;
        while (root.Parent is not null)
        {
            root = root.Parent;
        }

        return (root.Image.Tag ?? "").Contains("nonroot", StringComparison.OrdinalIgnoreCase);
    }
}
