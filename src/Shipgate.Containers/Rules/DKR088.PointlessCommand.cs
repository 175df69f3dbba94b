using Shipgate.Containers.Dockerfiles;
using Shipgate.Core;

namespace Shipgate.Containers.Rules;

internal sealed class PointlessCommand : DockerfileRule
{
    private static readonly string[] Commands = ["ssh", "vim", "vi", "nano", "shutdown", "service", "ps", "free", "top", "kill", "mount", "ifconfig", "htop", "systemctl"];

    public override RuleMetadata Metadata { get; } = Define(
        "DKR088", "pointless-command", "RUN uses an interactive or system-management command",
        Severity.Info, Confidence.Medium,
        ["hadolint:DL3001"],
        "Commands such as ssh, vim, top, ps, kill, mount, service or shutdown make no sense during an image build: there is no terminal, no running services and no init system. They usually show a misunderstanding of what RUN does.",
        "Remove the command; start services from CMD/ENTRYPOINT and manage containers from the outside.",
        tags: ["correctness"]);

    public override IEnumerable<Finding> Analyze(Dockerfile document, RuleContext context)
    {
        foreach (var (run, command) in document.RunCommands())
        {
            if (command.Is(Commands) && command.Origin != CommandOrigin.Substitution)
            {
                yield return Report(context, document, run, command, $"'{Clip(command.Text)}' runs '{command.Name}', which has no use during an image build.");
            }
        }
    }
}
