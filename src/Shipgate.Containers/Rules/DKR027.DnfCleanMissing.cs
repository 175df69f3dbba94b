using Shipgate.Containers.Dockerfiles;
using Shipgate.Core;

namespace Shipgate.Containers.Rules;

internal sealed class DnfCleanMissing : RpmInstallRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "DKR027", "dnf-clean-missing", "dnf install without dnf clean all",
        Severity.Low, Confidence.High,
        ["hadolint:DL3040", "trivy:DS-0019"],
        "dnf keeps downloaded packages and metadata in /var/cache/dnf; without 'dnf clean all' in the same RUN the cache is baked into the layer.",
        "End the RUN with '&& dnf clean all' (or 'rm -rf /var/cache/dnf').",
        tags: ["image-size"]);

    public override IEnumerable<Finding> Analyze(Dockerfile document, RuleContext context)
    {
        foreach (var run in document.EffectiveOfKind("RUN"))
        {
            var commands = run.Script.Commands;
            for (var i = commands.Count - 1; i >= 0; i--)
            {
                var command = commands[i];
                if (command.Is("dnf", "microdnf") && YumInstallVerbs.Contains(Parse(command, PackageCommands.YumOptionsWithValue).Verb))
                {
                    if (!CleansAfter(commands, i, ["dnf", "microdnf"], ["clean"], ["/var/cache/dnf", "/var/cache/yum"]) && !PackageCommands.HasCacheMount(run, "/var/cache/dnf"))
                    {
                        yield return Report(context, document, run, command, $"'{Clip(command.Text)}' is not followed by 'dnf clean all' in the same RUN, so the package cache stays in the layer.");
                    }

                    break;
                }
            }
        }
    }
}
