using Shipgate.Containers.Dockerfiles;
using Shipgate.Core;

namespace Shipgate.Containers.Rules;

internal sealed class DnfUnpinned : RpmInstallRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "DKR028", "dnf-unpinned", "dnf install without pinned versions",
        Severity.Low, Confidence.High,
        ["hadolint:DL3041"],
        "Packages installed without a version resolve to whatever the repository has at build time, so rebuilds are not reproducible.",
        "Pin versions: 'dnf install -y httpd-2.4.57'; for modules, pin the stream: 'dnf module install -y nodejs:18'.",
        tags: ["reproducibility"]);

    public override IEnumerable<Finding> Analyze(Dockerfile document, RuleContext context)
    {
        foreach (var (run, command) in document.RunCommands())
        {
            if (!command.Is("dnf", "microdnf"))
            {
                continue;
            }

            var (verb, packages, isModule) = Parse(command, PackageCommands.YumOptionsWithValue);
            if (!YumInstallVerbs.Contains(verb))
            {
                continue;
            }

            var unpinned = packages.Where(p => !IsRpmPinned(p, isModule)).ToList();
            if (unpinned.Count > 0)
            {
                yield return Report(context, document, run, command, $"'{command.Name}' installs '{string.Join("', '", unpinned)}' without a pinned version.", string.Join(' ', unpinned));
            }
        }
    }
}
