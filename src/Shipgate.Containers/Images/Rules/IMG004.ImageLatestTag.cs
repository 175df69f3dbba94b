using Shipgate.Core;

namespace Shipgate.Containers.Images.Rules;

internal sealed class ImageLatestTag : ImageRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "IMG004", "image-latest-tag", "Image is tagged latest",
        Severity.Medium, Confidence.High,
        ["dockle:DKL-DI-0006"],
        "The image was saved under the 'latest' tag (or under a name without a tag, which means latest). 'latest' moves with every push, so what runs cannot be traced back to a build, rolled back, or matched to this scan.",
        "Tag images with an immutable version (a release number or the commit SHA) and deploy by that tag or by digest.");

    public override IEnumerable<Finding> Analyze(ImageConfigDocument document, RuleContext context)
    {
        foreach (var reference in document.References)
        {
            if (IsLatest(reference))
            {
                yield return Report(context, document, 1, $"The image reference '{reference}' uses the 'latest' tag; use an immutable version tag or a digest.", "reference:" + reference);
            }
        }
    }

    /// <summary>True for <c>name:latest</c>, a bare <c>latest</c> (an OCI ref-name), or a repository path without tag or digest.</summary>
    internal static bool IsLatest(string reference)
    {
        if (reference.Contains('@', StringComparison.Ordinal))
        {
            return false;
        }

        var slash = reference.LastIndexOf('/');
        var colon = reference.LastIndexOf(':');
        if (colon > slash)
        {
            return reference[(colon + 1)..] == "latest";
        }

        // A bare word is an OCI ref-name tag ("3.19", "latest"); a path without a tag is an implicit latest.
        return slash >= 0 || reference == "latest";
    }
}
