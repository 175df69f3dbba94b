using Shipgate.Containers.Dockerfiles;
using Shipgate.Core;

namespace Shipgate.Containers.Rules;

internal sealed class AptDistUpgrade : DockerfileRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "DKR019", "apt-dist-upgrade", "apt-get dist-upgrade in a Dockerfile",
        Severity.Low, Confidence.High,
        ["trivy:DS-0024"],
        "dist-upgrade may add or remove packages and move the image across releases, so the result is unpredictable and differs from build to build.",
        "Update the base image tag instead, and install specific package versions.",
        tags: ["reproducibility"]);

    public override IEnumerable<Finding> Analyze(Dockerfile document, RuleContext context)
    {
        foreach (var (run, command) in document.RunCommands())
        {
            if (command.Is("apt-get", "apt") && command.Subcommand(PackageCommands.AptGetOptionsWithValue) is "dist-upgrade" or "full-upgrade")
            {
                yield return Report(context, document, run, command, $"'{Clip(command.Text)}' upgrades the whole distribution inside the image.");
            }
        }
    }
}
