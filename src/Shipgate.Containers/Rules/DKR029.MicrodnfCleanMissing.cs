using Shipgate.Containers.Dockerfiles;
using Shipgate.Core;

namespace Shipgate.Containers.Rules;

internal sealed class MicrodnfCleanMissing : RpmInstallRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "DKR029", "microdnf-clean-missing", "microdnf install without microdnf clean all",
        Severity.Low, Confidence.High,
        ["trivy:DS-0027"],
        "microdnf keeps downloaded packages and metadata in its cache; without 'microdnf clean all' in the same RUN the cache is baked into the layer.",
        "End the RUN with '&& microdnf clean all'.",
        tags: ["image-size"]);

    public override IEnumerable<Finding> Analyze(Dockerfile document, RuleContext context)
    {
        foreach (var run in document.EffectiveOfKind("RUN"))
        {
            var commands = run.Script.Commands;
            for (var i = commands.Count - 1; i >= 0; i--)
            {
                var command = commands[i];
                if (command.Is("microdnf") && YumInstallVerbs.Contains(Parse(command, PackageCommands.YumOptionsWithValue).Verb))
                {
                    if (!CleansAfter(commands, i, ["microdnf"], ["clean"], ["/var/cache/yum", "/var/cache/dnf"]) && !PackageCommands.HasCacheMount(run, "/var/cache/dnf"))
                    {
                        yield return Report(context, document, run, command, $"'{Clip(command.Text)}' is not followed by 'microdnf clean all' in the same RUN, so the package cache stays in the layer.");
                    }

                    break;
                }
            }
        }
    }
}
