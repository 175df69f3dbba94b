namespace Shipgate.Dependencies;

/// <summary>
/// One resolved (or declared) package read from a lockfile or manifest. <see cref="Version"/> is empty when the
/// format names the package without a version (an unpinned requirement). <see cref="Direct"/> and
/// <see cref="Dev"/> are <see langword="null"/> when the format does not say. Immutable.
/// </summary>
public sealed record Package(string Name, string Version, Ecosystem Ecosystem, string SourcePath, int? Line)
{
    /// <summary>Whether the project asks for the package itself (true) or only through another package (false).</summary>
    public bool? Direct { get; init; }

    /// <summary>Whether the package is only needed for development or tests.</summary>
    public bool? Dev { get; init; }

    /// <summary>Whether the package is optional (an extra, an optional dependency).</summary>
    public bool Optional { get; init; }

    /// <summary>The package URL (<c>pkg:npm/%40scope/name@1.0.0</c>).</summary>
    public string Purl => PackageUrl.Create(Ecosystem, Name, Version);
}
