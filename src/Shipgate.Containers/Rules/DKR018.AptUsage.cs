using Shipgate.Containers.Dockerfiles;
using Shipgate.Core;

namespace Shipgate.Containers.Rules;

internal sealed class AptUsage : DockerfileRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "DKR018", "apt-usage", "apt used instead of apt-get",
        Severity.Low, Confidence.High,
        ["hadolint:DL3027"],
        "apt is meant for people at a terminal: its command-line interface is not stable and it warns when used in scripts. apt-get and apt-cache are the scripting interfaces.",
        "Use apt-get (or apt-cache) in Dockerfiles.",
        tags: ["correctness"]);

    public override IEnumerable<Finding> Analyze(Dockerfile document, RuleContext context)
    {
        foreach (var (run, command) in document.RunCommands())
        {
            if (command.Is("apt") && command.Arguments.Count > 0)
            {
                yield return Report(context, document, run, command, $"'{Clip(command.Text)}' uses apt; use apt-get in scripts.");
            }
        }
    }
}
