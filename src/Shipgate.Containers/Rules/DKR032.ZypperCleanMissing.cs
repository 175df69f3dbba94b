using Shipgate.Containers.Dockerfiles;
using Shipgate.Core;

namespace Shipgate.Containers.Rules;

internal sealed class ZypperCleanMissing : RpmInstallRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "DKR032", "zypper-clean-missing", "zypper install without zypper clean",
        Severity.Low, Confidence.High,
        ["hadolint:DL3036", "trivy:DS-0020"],
        "zypper keeps downloaded packages and metadata in its cache; without 'zypper clean' in the same RUN the cache is baked into the layer.",
        "End the RUN with '&& zypper clean -a'.",
        tags: ["image-size"]);

    public override IEnumerable<Finding> Analyze(Dockerfile document, RuleContext context)
    {
        foreach (var run in document.EffectiveOfKind("RUN"))
        {
            var commands = run.Script.Commands;
            for (var i = commands.Count - 1; i >= 0; i--)
            {
                var command = commands[i];
                if (command.Is("zypper") && ZypperInstallVerbs.Contains(Parse(command, PackageCommands.ZypperOptionsWithValue).Verb))
                {
                    if (!CleansAfter(commands, i, ["zypper"], ["clean", "cc"], ["/var/cache/zypp"]) && !PackageCommands.HasCacheMount(run, "/var/cache/zypp"))
                    {
                        yield return Report(context, document, run, command, $"'{Clip(command.Text)}' is not followed by 'zypper clean' in the same RUN, so the package cache stays in the layer.");
                    }

                    break;
                }
            }
        }
    }
}
