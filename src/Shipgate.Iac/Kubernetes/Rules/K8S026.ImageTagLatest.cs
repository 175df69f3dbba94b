using Shipgate.Core;

namespace Shipgate.Iac.Kubernetes.Rules;

internal sealed class ImageTagLatest : KubernetesRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "K8S026", "image-tag-latest", "Container image is untagged or uses the latest tag",
        Severity.Medium, Confidence.High,
        ["trivy:KSV-0013", "checkov:CKV_K8S_14", "polaris:tagNotSpecified", "kube-score:container-image-tag"],
        "Reports container images referenced without a tag or with ':latest', unless pinned by digest. An image without a tag means ':latest', which moves with every upstream push: each node may run a different image, rollbacks do not restore the old code, and a compromised release is pulled in silently.",
        "Reference a release tag, ideally pinned by digest: 'image: nginx:1.27.0@sha256:…'.",
        "supply-chain", "reproducibility");

    public override IEnumerable<Finding> Analyze(KubernetesManifest document, RuleContext context)
    {
        foreach (var (resource, _, container) in document.Containers())
        {
            if (container.Image is not { } image || ImageReference.IsPlaceholder(image.Value))
            {
                continue;
            }

            var reference = ImageReference.Parse(image.Value);
            if (reference.Digest is null && (reference.Tag is null || reference.Tag.Equals("latest", StringComparison.OrdinalIgnoreCase)))
            {
                var why = reference.Tag is null ? "has no tag (so it means ':latest')" : "uses the ':latest' tag";
                yield return Report(context, document, image, $"{Subject(resource, container)} image '{Clip(image.Value)}' {why}.", Key(resource, container, image.Value));
            }
        }
    }
}
