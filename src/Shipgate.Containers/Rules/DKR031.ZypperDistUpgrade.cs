using Shipgate.Containers.Dockerfiles;
using Shipgate.Core;

namespace Shipgate.Containers.Rules;

internal sealed class ZypperDistUpgrade : DockerfileRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "DKR031", "zypper-dist-upgrade", "zypper dist-upgrade in a Dockerfile",
        Severity.Low, Confidence.High,
        ["hadolint:DL3035"],
        "'zypper dist-upgrade' may move the image to a new distribution release and add or remove packages, so builds are unpredictable.",
        "Update the base image tag instead, and install specific package versions.",
        tags: ["reproducibility"]);

    public override IEnumerable<Finding> Analyze(Dockerfile document, RuleContext context)
    {
        foreach (var (run, command) in document.RunCommands())
        {
            if (command.Is("zypper") && command.Subcommand(PackageCommands.ZypperOptionsWithValue) is "dist-upgrade" or "dup")
            {
                yield return Report(context, document, run, command, $"'{Clip(command.Text)}' upgrades the whole distribution inside the image.");
            }
        }
    }
}
