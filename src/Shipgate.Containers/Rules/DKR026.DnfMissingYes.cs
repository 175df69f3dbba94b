using Shipgate.Containers.Dockerfiles;
using Shipgate.Core;

namespace Shipgate.Containers.Rules;

internal sealed class DnfMissingYes : RpmInstallRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "DKR026", "dnf-missing-yes", "dnf install without -y",
        Severity.Low, Confidence.High,
        ["hadolint:DL3038"],
        "Without -y, dnf asks for confirmation and a non-interactive build fails at the prompt.",
        "Add -y: 'dnf install -y httpd-2.4.57'.",
        tags: ["correctness"]);

    public override IEnumerable<Finding> Analyze(Dockerfile document, RuleContext context)
    {
        foreach (var (run, command) in document.RunCommands())
        {
            if (command.Is("dnf", "microdnf") && Parse(command, PackageCommands.YumOptionsWithValue).Verb is var verb && YumInstallVerbs.Contains(verb) && !command.HasOption("-y", "--assumeyes"))
            {
                yield return Report(context, document, run, command, $"'{Clip(command.Text)}' does not answer prompts non-interactively (add -y).");
            }
        }
    }
}
