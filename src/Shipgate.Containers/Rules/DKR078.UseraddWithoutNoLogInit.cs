using Shipgate.Containers.Dockerfiles;
using Shipgate.Core;

namespace Shipgate.Containers.Rules;

internal sealed class UseraddWithoutNoLogInit : DockerfileRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "DKR078", "useradd-without-no-log-init", "useradd with a high UID but without -l",
        Severity.Low, Confidence.High,
        ["hadolint:DL3046"],
        "useradd writes the lastlog and faillog files as sparse files sized by the UID; with a large UID and without -l (--no-log-init) the layer can grow by gigabytes.",
        "Add -l: 'useradd -l -u 100000 app'.",
        tags: ["image-size"]);

    public override IEnumerable<Finding> Analyze(Dockerfile document, RuleContext context)
    {
        foreach (var (run, command) in document.RunCommands())
        {
            if (command.Is("useradd") && !command.HasOption("-l", "--no-log-init") && command.OptionValue("-u", "--uid") is { Length: > 5 } uid && uid.All(char.IsAsciiDigit))
            {
                yield return Report(context, document, run, command, $"'{Clip(command.Text)}' creates UID {uid} without -l, which can bloat the layer.");
            }
        }
    }
}
