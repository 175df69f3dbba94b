using Shipgate.Containers.Dockerfiles;
using Shipgate.Core;

namespace Shipgate.Containers.Rules;

internal sealed class MinimalBaseImage : DockerfileRule
{
    private static readonly Dictionary<string, string> LargeImages = new(StringComparer.OrdinalIgnoreCase)
    {
        ["python"] = "python:<version>-slim",
        ["node"] = "node:<version>-slim or node:<version>-alpine",
        ["ruby"] = "ruby:<version>-slim",
        ["openjdk"] = "eclipse-temurin:<version>-jre or a distroless Java image",
        ["golang"] = "a multi-stage build with gcr.io/distroless/static or scratch as the final stage",
        ["php"] = "php:<version>-fpm-alpine",
        ["perl"] = "perl:<version>-slim",
        ["ubuntu"] = "a distroless or -minimal variant for the final stage",
        ["debian"] = "debian:<version>-slim",
        ["centos"] = "a ubi-minimal image",
        ["fedora"] = "a minimal variant",
        ["rust"] = "rust:<version>-slim for builds and a distroless final stage",
        ["maven"] = "a JRE image for the final stage",
        ["gradle"] = "a JRE image for the final stage",
    };

    private static readonly string[] MinimalMarkers = ["slim", "alpine", "distroless", "minimal", "micro", "tiny", "busybox", "scratch", "jre", "chiseled", "nano"];

    public override RuleMetadata Metadata { get; } = Define(
        "DKR070", "minimal-base-image", "Final stage uses a large general-purpose base image",
        Severity.Info, Confidence.Medium,
        ["concept:MINIMAL-BASE-IMAGE"],
        "The final stage ships a full distribution image (compilers, shells, package managers, hundreds of packages). Every extra package is attack surface and shows up in vulnerability scans.",
        "Use a minimal variant (-slim, -alpine, distroless, ubi-minimal) for the final stage, and keep build tools in an earlier stage.",
        tags: ["hardening"]);

    public override IEnumerable<Finding> Analyze(Dockerfile document, RuleContext context)
    {
        if (document.FinalStage is not { Parent: null } stage || stage.Image.HasUnresolvedVariables)
        {
            yield break;
        }

        var image = stage.Image;
        var tag = image.Tag ?? "";
        if (LargeImages.TryGetValue(image.ShortName, out var suggestion)
            && !MinimalMarkers.Any(m => tag.Contains(m, StringComparison.OrdinalIgnoreCase) || image.Repository.Contains(m, StringComparison.OrdinalIgnoreCase)))
        {
            yield return Report(context, document, stage.From, $"The final stage is based on the full '{image.Resolved}' image; consider {suggestion}.", image.Resolved);
        }
    }
}
