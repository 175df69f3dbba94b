using Shipgate.Containers.Dockerfiles;
using Shipgate.Core;

namespace Shipgate.Containers.Rules;

internal sealed class ZypperMissingYes : RpmInstallRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "DKR030", "zypper-missing-yes", "zypper without a non-interactive switch",
        Severity.Low, Confidence.High,
        ["hadolint:DL3034"],
        "Without -n/--non-interactive (or -y), zypper asks for confirmation and a non-interactive build fails at the prompt.",
        "Use 'zypper --non-interactive install …' or 'zypper install -y …'.",
        tags: ["correctness"]);

    public override IEnumerable<Finding> Analyze(Dockerfile document, RuleContext context)
    {
        foreach (var (run, command) in document.RunCommands())
        {
            if (command.Is("zypper") && Parse(command, PackageCommands.ZypperOptionsWithValue).Verb is var verb && ZypperInstallVerbs.Contains(verb) && !command.HasOption("-n", "--non-interactive", "-y", "--no-confirm"))
            {
                yield return Report(context, document, run, command, $"'{Clip(command.Text)}' does not answer prompts non-interactively (add -y).");
            }
        }
    }
}
