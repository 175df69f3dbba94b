using Shipgate.Containers.Dockerfiles;
using Shipgate.Core;

namespace Shipgate.Containers.Rules;

internal sealed class CopyEntireFilesystem : DockerfileRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "DKR085", "copy-entire-filesystem", "COPY --from copies a whole filesystem over the root",
        Severity.Medium, Confidence.High,
        ["hadolint:DL3067"],
        "Copying '/' of another stage onto '/' drags every file of that stage (build tools, caches, credentials left behind) into the image and overwrites the target's own system files.",
        "Copy only the paths the image needs: 'COPY --from=build /app/bin /app/bin'.",
        tags: ["hardening"]);

    public override IEnumerable<Finding> Analyze(Dockerfile document, RuleContext context)
    {
        foreach (var copy in document.EffectiveOfKind("COPY"))
        {
            if (copy.Flag("from") is null || CopySpec.Of(copy) is not { } spec)
            {
                continue;
            }

            if (spec.Sources.Any(s => s.Trim('"', '\'') is "/" or "/." or "/*") && spec.Destination.Trim('"', '\'') is "/" or "/.")
            {
                yield return Report(context, document, copy, $"COPY --from={copy.Flag("from")} copies the entire filesystem onto '/'.");
            }
        }
    }
}
