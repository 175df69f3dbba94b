using Shipgate.Containers.Dockerfiles;
using Shipgate.Core;

namespace Shipgate.Containers.Rules;

internal sealed class AptGetUnpinned : DockerfileRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "DKR014", "apt-get-unpinned", "apt-get install without pinned versions",
        Severity.Low, Confidence.High,
        ["hadolint:DL3008"],
        "Packages installed without a version ('apt-get install curl') resolve to whatever the mirror has today, so rebuilding the same Dockerfile can give a different image, and a broken or compromised update goes in unnoticed.",
        "Pin versions: 'apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5'.",
        tags: ["reproducibility"]);

    public override IEnumerable<Finding> Analyze(Dockerfile document, RuleContext context)
    {
        foreach (var (run, command) in document.RunCommands())
        {
            if (!command.Is("apt-get"))
            {
                continue;
            }

            var args = PackageCommands.Positionals(command.Arguments, PackageCommands.AptGetOptionsWithValue);
            if (args.Count < 2 || args[0] != "install")
            {
                continue;
            }

            var unpinned = args.Skip(1).Where(p => !p.Contains('=', StringComparison.Ordinal) && !p.EndsWith(".deb", StringComparison.Ordinal) && !p.StartsWith('/') && !p.StartsWith('.') && !p.StartsWith('$')).ToList();
            if (unpinned.Count > 0)
            {
                yield return Report(context, document, run, command, $"apt-get installs '{string.Join("', '", unpinned)}' without a pinned version.", string.Join(' ', unpinned));
            }
        }
    }
}
