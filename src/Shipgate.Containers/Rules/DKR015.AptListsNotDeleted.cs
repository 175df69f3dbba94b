using Shipgate.Containers.Dockerfiles;
using Shipgate.Core;

namespace Shipgate.Containers.Rules;

internal sealed class AptListsNotDeleted : DockerfileRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "DKR015", "apt-lists-not-deleted", "apt lists are not removed after installing",
        Severity.Info, Confidence.High,
        ["hadolint:DL3009"],
        "apt-get update downloads package lists to /var/lib/apt/lists. Left in the layer they add tens of megabytes to the image and go stale.",
        "End the same RUN with 'rm -rf /var/lib/apt/lists/*', or use a BuildKit cache mount on /var/lib/apt/lists.",
        tags: ["image-size"]);

    public override IEnumerable<Finding> Analyze(Dockerfile document, RuleContext context)
    {
        foreach (var run in document.EffectiveOfKind("RUN"))
        {
            var commands = run.Script.Commands;
            var index = PackageCommands.IndexOf(commands, c => c.Is("apt-get", "apt") && c.Subcommand(PackageCommands.AptGetOptionsWithValue) is "update" or "install");
            if (index < 0 || PackageCommands.RemovesAfter(commands, index, "/var/lib/apt/lists")
                || PackageCommands.HasCacheMount(run, "/var/lib/apt/lists") || !PackageCommands.IsShipped(document, run))
            {
                continue;
            }

            yield return Report(context, document, run, commands[index], $"'{Clip(commands[index].Text)}' leaves /var/lib/apt/lists in the layer; remove it in the same RUN.");
        }
    }
}
