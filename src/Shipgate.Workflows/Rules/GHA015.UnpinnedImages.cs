using Shipgate.Core;
using Shipgate.Workflows.Expressions;
using Shipgate.Workflows.GitHubActions;
using Shipgate.Yaml;

namespace Shipgate.Workflows.Rules;

/// <summary>GHA015: job containers and services whose image is not pinned (no tag, latest, or no digest).</summary>
public sealed class UnpinnedImages : WorkflowRule<GitHubDocument>
{
    public override RuleMetadata Metadata { get; } = new(
        "GHA015", "unpinned-images", "Container image not pinned", Category.Workflows, Severity.High, Confidence.High)
    {
        Equivalents = ["zizmor:unpinned-images"],
        Description = "A job container or service image without a tag (or with latest) runs whatever the registry serves today; tags can be re-pushed, only a digest is immutable.",
        Remediation = "Pin the image by digest (image: node:22@sha256:...) and let a bot update it.",
        Tags = ["security", "supply-chain"],
    };

    public override IEnumerable<AuditHit> Audit(GitHubDocument document, AuditScope scope)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(scope);
        foreach (var job in document.Workflow?.Jobs ?? [])
        {
            var images = new List<(YamlEntry Entry, YamlScalar Image)>();
            if (job.Node.Entry("container") is { } container)
            {
                if (container.Value is YamlScalar scalar)
                {
                    images.Add((container, scalar));
                }
                else if (container.Value is YamlMapping map && map.Entry("image") is { Value: YamlScalar image } imageEntry)
                {
                    images.Add((imageEntry, image));
                }
            }

            foreach (var service in job.Services?.Entries ?? [])
            {
                if (service.Value is YamlMapping map && map.Entry("image") is { Value: YamlScalar image } imageEntry)
                {
                    images.Add((imageEntry, image));
                }
            }

            foreach (var (entry, image) in images)
            {
                foreach (var candidate in Candidates(job, image))
                {
                    if (candidate.Length == 0 || ImageReference.HasDigest(candidate))
                    {
                        continue;
                    }

                    var tag = ImageReference.TagOf(candidate);
                    var unpinned = tag is null or "latest";
                    yield return scope.AtEntry(
                        this,
                        entry,
                        unpinned
                            ? $"Job '{job.Id}' runs the image '{candidate}' with {(tag is null ? "no tag" : "the latest tag")} and no digest."
                            : $"Job '{job.Id}' runs the image '{candidate}' by tag, not by digest.",
                        job.Id + ":" + candidate,
                                                persona: unpinned ? Persona.Regular : Persona.Pedantic);
                }
            }
        }
    }

    private static IEnumerable<string> Candidates(Job job, YamlScalar image)
    {
        if (!image.Value.Contains("${{", StringComparison.Ordinal))
        {
            yield return image.Value.Trim();
            yield break;
        }

        if (TemplateExpression.AsWhole(image.Value) is not { Parsed: { } parsed } || ContextAccess.PatternOf(parsed) is not { } pattern
            || !pattern.StartsWith("matrix.", StringComparison.Ordinal) || job.Matrix is not YamlMapping matrix)
        {
            yield break;
        }

        foreach (var node in MatrixValues.ValuesOf(matrix, pattern["matrix.".Length..]))
        {
            var values = node is YamlSequence seq ? seq.Items : [node];
            foreach (var value in values.OfType<YamlScalar>())
            {
                if (!value.Value.Contains("${{", StringComparison.Ordinal))
                {
                    yield return value.Value.Trim();
                }
            }
        }
    }
}
