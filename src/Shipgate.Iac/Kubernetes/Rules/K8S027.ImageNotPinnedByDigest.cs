using Shipgate.Core;

namespace Shipgate.Iac.Kubernetes.Rules;

internal sealed class ImageNotPinnedByDigest : KubernetesRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "K8S027", "image-not-pinned-by-digest", "Container image is not pinned by digest",
        Severity.Low, Confidence.High,
        ["checkov:CKV_K8S_43"],
        "Tags are mutable: the registry owner (or an attacker with push access) can point a tag at new content, and every node that pulls afterwards runs it. A digest names exactly one image.",
        "Append the digest of the tested image: 'image: registry/app:1.4.2@sha256:…', and let a bot such as Renovate update it.",
        "supply-chain");

    public override IEnumerable<Finding> Analyze(KubernetesManifest document, RuleContext context)
    {
        foreach (var (resource, _, container) in document.Containers())
        {
            if (container.Image is { } image && !ImageReference.IsPlaceholder(image.Value) && ImageReference.Parse(image.Value).Digest is null)
            {
                yield return Report(context, document, image, $"{Subject(resource, container)} image '{Clip(image.Value)}' is not pinned by digest.", Key(resource, container, image.Value));
            }
        }
    }
}
