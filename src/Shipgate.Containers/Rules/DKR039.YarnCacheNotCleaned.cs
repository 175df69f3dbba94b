using Shipgate.Containers.Dockerfiles;
using Shipgate.Core;

namespace Shipgate.Containers.Rules;

internal sealed class YarnCacheNotCleaned : DockerfileRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "DKR039", "yarn-cache-not-cleaned", "yarn install without yarn cache clean",
        Severity.Info, Confidence.High,
        ["hadolint:DL3060"],
        "yarn keeps a copy of every downloaded package in its cache; without 'yarn cache clean' in the same RUN that cache is baked into the layer.",
        "End the RUN with '&& yarn cache clean', or use a BuildKit cache mount for the yarn cache folder.",
        tags: ["image-size"]);

    public override IEnumerable<Finding> Analyze(Dockerfile document, RuleContext context)
    {
        foreach (var run in document.EffectiveOfKind("RUN"))
        {
            if (!PackageCommands.IsShipped(document, run) || run.Flags.Any(f => f.Name == "mount" && (f.Value ?? "").Contains("type=cache", StringComparison.Ordinal)))
            {
                continue;
            }

            var commands = run.Script.Commands;
            var last = -1;
            for (var i = 0; i < commands.Count; i++)
            {
                if (commands[i].Is("yarn") && commands[i].Subcommand("--cwd", "--modules-folder", "--cache-folder") is "install" or "add" or "global")
                {
                    last = i;
                }
            }

            if (last < 0)
            {
                continue;
            }

            var cleaned = commands.Skip(last + 1).Any(c => c.Is("yarn") && c.Positionals().Select(a => a.Value).Take(2).SequenceEqual(["cache", "clean"]));
            if (!cleaned)
            {
                yield return Report(context, document, run, commands[last], $"'{Clip(commands[last].Text)}' is not followed by 'yarn cache clean' in the same RUN.");
            }
        }
    }
}
