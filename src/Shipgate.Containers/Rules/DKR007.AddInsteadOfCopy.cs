using Shipgate.Containers.Dockerfiles;
using Shipgate.Core;

namespace Shipgate.Containers.Rules;

internal sealed class AddInsteadOfCopy : DockerfileRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "DKR007", "add-instead-of-copy", "ADD used to copy local files",
        Severity.Medium, Confidence.High,
        ["hadolint:DL3020", "trivy:DS-0005", "checkov:CKV_DOCKER_4"],
        "ADD has hidden behaviour: it extracts archives and fetches URLs. Used for plain files it makes the Dockerfile harder to audit, and a later change to the source (a file that becomes an archive) changes what lands in the image.",
        "Use COPY for local files and folders; keep ADD only for extracting a local tar archive.",
        tags: ["supply-chain"]);

    public override IEnumerable<Finding> Analyze(Dockerfile document, RuleContext context)
    {
        foreach (var add in document.EffectiveOfKind("ADD"))
        {
            if (add.Heredocs.Count > 0 || CopySpec.Of(add) is not { } spec)
            {
                continue;
            }

            var local = spec.Sources.Where(s => !CopySpec.IsUrl(s) && !CopySpec.IsArchive(s)).ToList();
            if (local.Count > 0)
            {
                yield return Report(context, document, add, $"ADD copies '{string.Join("', '", local)}'; use COPY for local files.", string.Join(' ', local));
            }
        }
    }
}
