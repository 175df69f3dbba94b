using Shipgate.Containers.Images.Packages;

namespace Shipgate.Containers.Images.Rules;

/// <summary>
/// What the image package rules analyse: the image's packages as listed in <c>IMAGE#packages</c> (the
/// <c>--list-packages --format json</c> entry of the image, which findings point into) and the vulnerabilities the
/// matcher found for them. Immutable.
/// </summary>
public sealed class ImagePackagesDocument
{
    private readonly string[] lines;

    public ImagePackagesDocument(string image, IReadOnlyList<ImagePackage> packages, IReadOnlyList<ImageVulnerability> vulnerabilities, string renderedList)
    {
        ArgumentNullException.ThrowIfNull(renderedList);
        Image = image;
        Packages = packages;
        Vulnerabilities = vulnerabilities;
        lines = renderedList.Split('\n');
    }

    /// <summary>The image's first reference, or its id.</summary>
    public string Image { get; }

    public IReadOnlyList<ImagePackage> Packages { get; }

    public IReadOnlyList<ImageVulnerability> Vulnerabilities { get; }

    /// <summary>The 1-based line of the package's <c>purl</c> in the rendered list, else 1.</summary>
    public int LineOf(ImagePackage package)
    {
        ArgumentNullException.ThrowIfNull(package);
        var needle = "\"purl\": " + ImagePackageList.Quote(package.Purl);
        return Array.FindIndex(lines, l => l.Contains(needle, StringComparison.Ordinal)) + 1 is var line and > 0 ? line : 1;
    }
}
