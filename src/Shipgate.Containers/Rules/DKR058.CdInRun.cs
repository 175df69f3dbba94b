using Shipgate.Containers.Dockerfiles;
using Shipgate.Core;

namespace Shipgate.Containers.Rules;

internal sealed class CdInRun : DockerfileRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "DKR058", "cd-in-run", "RUN uses cd instead of WORKDIR",
        Severity.Low, Confidence.Medium,
        ["hadolint:DL3003", "trivy:DS-0013"],
        "'cd' only lasts for one RUN, which makes the working directory of later steps hard to follow and easy to get wrong.",
        "Use WORKDIR to change directory, or a subshell / tool option ('make -C dir') for a one-off.",
        tags: ["maintainability"]);

    public override IEnumerable<Finding> Analyze(Dockerfile document, RuleContext context)
    {
        foreach (var (run, command) in document.RunCommands())
        {
            if (command.Is("cd") && command.Origin != CommandOrigin.Substitution)
            {
                yield return Report(context, document, run, command, $"'{Clip(command.Text)}' changes directory inside RUN; use WORKDIR.");
                break;
            }
        }
    }
}
