using Shipgate.Containers.Dockerfiles;
using Shipgate.Core;

namespace Shipgate.Containers.Rules;

internal sealed class ShellChangedBySymlink : DockerfileRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "DKR087", "shell-changed-by-symlink", "RUN replaces /bin/sh with a symlink",
        Severity.Low, Confidence.High,
        ["hadolint:DL4005"],
        "Re-linking /bin/sh to change the default shell affects every program in the image that calls /bin/sh, not only the build.",
        "Use the SHELL instruction: 'SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]'.",
        tags: ["correctness"]);

    public override IEnumerable<Finding> Analyze(Dockerfile document, RuleContext context)
    {
        foreach (var (run, command) in document.RunCommands())
        {
            if (command.Is("ln") && command.Positionals().LastOrDefault()?.Value == "/bin/sh")
            {
                yield return Report(context, document, run, command, $"'{Clip(command.Text)}' replaces /bin/sh; use SHELL to change the shell.");
            }
        }
    }
}
