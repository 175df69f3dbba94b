using Shipgate.Containers.Dockerfiles;
using Shipgate.Core;

namespace Shipgate.Containers.Rules;

internal sealed class Sudo : DockerfileRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "DKR006", "sudo", "RUN uses sudo",
        Severity.High, Confidence.High,
        ["hadolint:DL3004", "trivy:DS-0010", "checkov:CKV2_DOCKER_1"],
        "sudo in a Dockerfile means the image ships sudo and usually a sudoers entry, giving any process in the container a path back to root; its TTY and environment handling also makes builds behave unpredictably.",
        "Run the step as root with 'USER root' before it and switch back after; at run time use a tool like gosu or su-exec.",
        tags: ["hardening", "cwe-250"]);

    public override IEnumerable<Finding> Analyze(Dockerfile document, RuleContext context)
    {
        foreach (var (run, command) in document.RunCommands())
        {
            if (command.Name == "sudo" || command.Wrappers.Contains("sudo"))
            {
                yield return Report(context, document, run, command, $"The command '{Clip(command.Text)}' uses sudo.");
            }
        }
    }
}
