using Shipgate.Core;

namespace Shipgate.Containers.Images.Rules;

internal sealed class ImageRunsAsRoot : ImageRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "IMG001", "image-runs-as-root", "Image runs as root",
        Severity.High, Confidence.High,
        ["dockle:CIS-DI-0001", "trivy:DS-0002"],
        "The image config's User is empty, 'root' or UID 0, so the container's main process runs as root unless the platform overrides it. A compromise of that process is then root inside the container, one kernel bug away from the host.",
        "Create an unprivileged user in the Dockerfile and end with 'USER 10001' (a numeric UID lets Kubernetes verify runAsNonRoot).",
        "cwe-250");

    public override IEnumerable<Finding> Analyze(ImageConfigDocument document, RuleContext context)
    {
        var user = document.Config.User?.Trim() ?? "";
        var name = user.Split(':')[0];
        if (name is "" or "root" or "0")
        {
            var what = user.Length == 0 ? "sets no user, so it runs as root" : $"runs as '{user}'";
            yield return Report(context, document, document.LineOf("\"User\""), $"The image {what}; set a non-root USER.", "user:" + name);
        }
    }
}
