using Shipgate.Containers.Dockerfiles;
using Shipgate.Core;

namespace Shipgate.Containers.Rules;

internal sealed class ApkNoCache : DockerfileRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "DKR022", "apk-no-cache", "apk add keeps its package cache",
        Severity.Info, Confidence.High,
        ["hadolint:DL3019", "trivy:DS-0025"],
        "Without --no-cache, apk add keeps the index and downloaded packages in /var/cache/apk, which bloats the layer.",
        "Use 'apk add --no-cache …' (no separate 'apk update' or cache cleanup needed), or a BuildKit cache mount on /var/cache/apk.",
        tags: ["image-size"]);

    public override IEnumerable<Finding> Analyze(Dockerfile document, RuleContext context)
    {
        foreach (var (run, command) in document.RunCommands())
        {
            if (command.Is("apk") && command.Subcommand(PackageCommands.ApkOptionsWithValue) == "add" && !command.HasOption("--no-cache")
                && !PackageCommands.HasCacheMount(run, "/var/cache/apk") && !PackageCommands.HasCacheMount(run, "/etc/apk/cache"))
            {
                yield return Report(context, document, run, command, $"'{Clip(command.Text)}' runs without --no-cache and leaves the apk cache in the layer.");
            }
        }
    }
}
