using Shipgate.Core;

namespace Shipgate.Containers.Images.Rules;

internal sealed class ImageExposesSshPort : ImageRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "IMG002", "image-exposes-ssh-port", "Image exposes the SSH port",
        Severity.Medium, Confidence.High,
        ["trivy:DS-0004"],
        "The image config exposes port 22, which means the container is meant to run an SSH server: another long-lived credential, another daemon to patch, and a way around the orchestrator's access controls.",
        "Remove the SSH server and EXPOSE 22 from the build; use 'docker exec' or 'kubectl exec' for access.");

    public override IEnumerable<Finding> Analyze(ImageConfigDocument document, RuleContext context)
    {
        foreach (var port in document.Config.ExposedPorts)
        {
            if (port.Split('/')[0] == "22")
            {
                yield return Report(context, document, document.LineOf("\"" + port + "\""), $"The image exposes port {port} (SSH).", "port:" + port);
            }
        }
    }
}
