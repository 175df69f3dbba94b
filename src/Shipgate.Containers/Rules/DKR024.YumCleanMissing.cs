using Shipgate.Containers.Dockerfiles;
using Shipgate.Core;

namespace Shipgate.Containers.Rules;

internal sealed class YumCleanMissing : RpmInstallRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "DKR024", "yum-clean-missing", "yum install without yum clean all",
        Severity.Low, Confidence.High,
        ["hadolint:DL3032", "trivy:DS-0015"],
        "yum keeps downloaded packages and metadata in /var/cache/yum; without 'yum clean all' in the same RUN the cache is baked into the layer.",
        "End the RUN with '&& yum clean all' (or 'rm -rf /var/cache/yum').",
        tags: ["image-size"]);

    public override IEnumerable<Finding> Analyze(Dockerfile document, RuleContext context)
    {
        foreach (var run in document.EffectiveOfKind("RUN"))
        {
            var commands = run.Script.Commands;
            for (var i = commands.Count - 1; i >= 0; i--)
            {
                var command = commands[i];
                if (command.Is("yum") && YumInstallVerbs.Contains(Parse(command, PackageCommands.YumOptionsWithValue).Verb))
                {
                    if (!CleansAfter(commands, i, ["yum"], ["clean"], ["/var/cache/yum"]) && !PackageCommands.HasCacheMount(run, "/var/cache/yum"))
                    {
                        yield return Report(context, document, run, command, $"'{Clip(command.Text)}' is not followed by 'yum clean all' in the same RUN, so the package cache stays in the layer.");
                    }

                    break;
                }
            }
        }
    }
}
