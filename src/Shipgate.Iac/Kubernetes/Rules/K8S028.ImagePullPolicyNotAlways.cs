using Shipgate.Core;
using Shipgate.Yaml;

namespace Shipgate.Iac.Kubernetes.Rules;

internal sealed class ImagePullPolicyNotAlways : KubernetesRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "K8S028", "image-pull-policy-not-always", "Tagged image may run from a stale node cache",
        Severity.Info, Confidence.Medium,
        ["checkov:CKV_K8S_15", "kube-score:container-image-pull-policy"],
        "With 'imagePullPolicy: IfNotPresent' (the default for tagged images) or 'Never', a node reuses whatever image it cached under the tag, and the registry's authorisation is not checked again: a pod can start an image its service account may no longer pull. Images pinned by digest are exempt: the cache cannot hold other content under a digest.",
        "Set 'imagePullPolicy: Always', or pin the image by digest.",
        "supply-chain");

    public override bool ReportsMissingSettings => true;

    public override IEnumerable<Finding> Analyze(KubernetesManifest document, RuleContext context)
    {
        foreach (var (resource, _, container) in document.Containers())
        {
            if (container.Image is not { } image || ImageReference.IsPlaceholder(image.Value))
            {
                continue;
            }

            var reference = ImageReference.Parse(image.Value);
            var policy = container.Mapping.Entry("imagePullPolicy");
            var value = (policy?.Value as YamlScalar)?.Value.Trim();
            var defaultsToAlways = reference.Tag is null || reference.Tag.Equals("latest", StringComparison.OrdinalIgnoreCase);
            if (reference.Digest is not null || value == "Always" || (string.IsNullOrEmpty(value) && defaultsToAlways))
            {
                continue;
            }

            yield return policy is not null
                ? Report(context, document, policy, $"{Subject(resource, container)} pulls '{Clip(image.Value)}' with imagePullPolicy {value}.", Key(resource, container))
                : Report(context, document, image, $"{Subject(resource, container)} pulls '{Clip(image.Value)}' with the default IfNotPresent policy.", Key(resource, container));
        }
    }
}
