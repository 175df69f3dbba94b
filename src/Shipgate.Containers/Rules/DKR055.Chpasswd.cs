using Shipgate.Containers.Dockerfiles;
using Shipgate.Core;

namespace Shipgate.Containers.Rules;

internal sealed class Chpasswd : DockerfileRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "DKR055", "chpasswd", "RUN sets a password with chpasswd",
        Severity.High, Confidence.High,
        ["checkov:CKV2_DOCKER_17"],
        "chpasswd in a Dockerfile bakes a password (often for root) into the image; the plain-text value is in the build history, and the same password is shared by every container.",
        "Do not set passwords in images. Use key-based access provided at run time, or lock the account ('passwd -l').",
        tags: ["secrets", "cwe-259"]);

    public override IEnumerable<Finding> Analyze(Dockerfile document, RuleContext context)
    {
        foreach (var (run, command) in document.RunCommands())
        {
            if (command.Is("chpasswd"))
            {
                yield return Report(context, document, run, command, $"'{Clip(command.Text)}' sets an account password inside the image.");
            }
        }
    }
}
