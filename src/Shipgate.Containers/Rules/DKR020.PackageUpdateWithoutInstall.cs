using Shipgate.Containers.Dockerfiles;
using Shipgate.Core;

namespace Shipgate.Containers.Rules;

internal sealed class PackageUpdateWithoutInstall : DockerfileRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "DKR020", "package-update-without-install", "Package index update in a RUN without an install",
        Severity.Medium, Confidence.High,
        ["trivy:DS-0017"],
        "A RUN that only refreshes the package index ('apt-get update') is cached as its own layer. Later RUNs that install packages reuse the stale cached index, so builds install outdated packages or fail.",
        "Update and install in the same RUN: 'RUN apt-get update && apt-get install -y …'.",
        tags: ["correctness"]);

    public override IEnumerable<Finding> Analyze(Dockerfile document, RuleContext context)
    {
        foreach (var run in document.EffectiveOfKind("RUN"))
        {
            var commands = run.Script.Commands;
            var update = commands.FirstOrDefault(c => (c.Is("apt-get", "apt") && c.Subcommand(PackageCommands.AptGetOptionsWithValue) == "update")
                || (c.Is("apk") && c.Subcommand(PackageCommands.ApkOptionsWithValue) == "update"));
            if (update is null)
            {
                continue;
            }

            var installs = commands.Any(c => c.Is("apt-get", "apt", "apk") && c.Subcommand(PackageCommands.ApkOptionsWithValue) is "install" or "add" or "upgrade" or "dist-upgrade" or "full-upgrade");
            if (!installs)
            {
                yield return Report(context, document, run, update, $"'{Clip(update.Text)}' refreshes the package index in a RUN that installs nothing.");
            }
        }
    }
}
