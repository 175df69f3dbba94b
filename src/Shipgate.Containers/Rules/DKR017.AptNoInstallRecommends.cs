using Shipgate.Containers.Dockerfiles;
using Shipgate.Core;

namespace Shipgate.Containers.Rules;

internal sealed class AptNoInstallRecommends : DockerfileRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "DKR017", "apt-no-install-recommends", "apt-get install pulls in recommended packages",
        Severity.Info, Confidence.High,
        ["hadolint:DL3015", "trivy:DS-0029"],
        "By default apt-get also installs 'recommended' packages, which the image rarely needs: more size, more attack surface, more CVEs to triage.",
        "Add --no-install-recommends to apt-get install.",
        tags: ["image-size", "hardening"]);

    public override IEnumerable<Finding> Analyze(Dockerfile document, RuleContext context)
    {
        foreach (var (run, command) in document.RunCommands())
        {
            if (command.Is("apt-get") && command.Subcommand(PackageCommands.AptGetOptionsWithValue) == "install"
                && !command.HasOption("--no-install-recommends")
                && !command.Args.Any(a => a.Replace(" ", "", StringComparison.Ordinal).Contains("Install-Recommends=false", StringComparison.OrdinalIgnoreCase)
                    || a.Replace(" ", "", StringComparison.Ordinal).Contains("Install-Recommends=0", StringComparison.OrdinalIgnoreCase)))
            {
                yield return Report(context, document, run, command, $"'{Clip(command.Text)}' also installs recommended packages; add --no-install-recommends.");
            }
        }
    }
}
