using Shipgate.Containers.Dockerfiles;
using Shipgate.Core;

namespace Shipgate.Containers.Rules;

internal sealed class AddRemoteWithoutChecksum : DockerfileRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "DKR008", "add-remote-without-checksum", "ADD downloads a URL without a checksum",
        Severity.High, Confidence.High,
        ["concept:ADD-REMOTE-URL"],
        "ADD fetches the URL at build time and puts whatever the server returns into the image. Without '--checksum' nothing verifies the content, so a compromised or changed download goes unnoticed.",
        "Add '--checksum=sha256:<digest>' to the ADD (BuildKit), or download in a RUN step and verify the digest with sha256sum before using the file.",
        tags: ["supply-chain", "cwe-494"]);

    public override IEnumerable<Finding> Analyze(Dockerfile document, RuleContext context)
    {
        foreach (var add in document.EffectiveOfKind("ADD"))
        {
            if (add.HasFlag("checksum") || CopySpec.Of(add) is not { } spec)
            {
                continue;
            }

            foreach (var source in spec.Sources.Where(s => s.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || s.StartsWith("https://", StringComparison.OrdinalIgnoreCase)))
            {
                yield return Report(context, document, add, $"ADD downloads '{source}' without verifying a checksum.", source);
            }
        }
    }
}
