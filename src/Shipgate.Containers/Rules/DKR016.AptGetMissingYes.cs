using Shipgate.Containers.Dockerfiles;
using Shipgate.Core;

namespace Shipgate.Containers.Rules;

internal sealed class AptGetMissingYes : DockerfileRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "DKR016", "apt-get-missing-yes", "apt-get install without -y",
        Severity.Low, Confidence.High,
        ["hadolint:DL3014", "trivy:DS-0021"],
        "Without -y, apt-get asks for confirmation; in a non-interactive build the prompt aborts the step or the build hangs.",
        "Add -y (or --yes / --assume-yes): 'apt-get install -y --no-install-recommends curl'.",
        tags: ["correctness"]);

    public override IEnumerable<Finding> Analyze(Dockerfile document, RuleContext context)
    {
        foreach (var (run, command) in document.RunCommands())
        {
            if (command.Is("apt-get") && command.Subcommand(PackageCommands.AptGetOptionsWithValue) == "install" && !AssumesYes(command))
            {
                yield return Report(context, document, run, command, $"'{Clip(command.Text)}' does not pass -y, so it waits for confirmation.");
            }
        }
    }

    private static bool AssumesYes(ShellCommand command)
    {
        if (command.HasOption("-y", "--yes", "--assume-yes") || command.Args.Any(a => a.Contains("Assume-Yes", StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        var quiet = 0;
        foreach (var value in command.Args)
        {
            if (value is "-q=2" or "--quiet=2")
            {
                return true;
            }

            if (value == "--quiet")
            {
                quiet++;
            }
            else if (value.Length > 1 && value[0] == '-' && value[1] != '-' && value[1..].All(char.IsAsciiLetter))
            {
                quiet += value.Count(c => c == 'q');
            }
        }

        return quiet >= 2;
    }
}
