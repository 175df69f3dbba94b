using Shipgate.Core;

namespace Shipgate.Containers.Images.Rules;

internal sealed class ImageMissingHealthcheck : ImageRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "IMG003", "image-missing-healthcheck", "Image has no health check",
        Severity.Low, Confidence.Medium,
        ["dockle:CIS-DI-0006", "trivy:DS-0026"],
        "The image config defines no HEALTHCHECK (or disables the inherited one with NONE). Docker and Swarm then cannot tell a hung process from a healthy one and keep routing traffic to it. Orchestrators with their own probes (Kubernetes) do not use it.",
        "Add a HEALTHCHECK to the Dockerfile (for example 'HEALTHCHECK CMD wget -qO- http://localhost:8080/health || exit 1'), or suppress this rule when the platform probes the container itself.");

    public override IEnumerable<Finding> Analyze(ImageConfigDocument document, RuleContext context)
    {
        var test = document.Config.Healthcheck;
        if (test is null || test.Count == 0)
        {
            yield return Report(context, document, 1, "The image defines no HEALTHCHECK.", "healthcheck:none");
        }
        else if (test[0] == "NONE")
        {
            yield return Report(context, document, document.LineOf("\"Healthcheck\""), "The image disables its health check with HEALTHCHECK NONE.", "healthcheck:disabled");
        }
    }
}
