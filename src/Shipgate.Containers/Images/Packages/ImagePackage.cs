namespace Shipgate.Containers.Images.Packages;

/// <summary>
/// One package installed in the image: an OS package (dpkg, apk, rpm) or a language package (from installed
/// metadata or a lockfile). <see cref="Type"/> is the package-URL type; <see cref="Ecosystem"/> the OSV ecosystem
/// name (<c>Debian:12</c>, <c>Alpine:v3.19</c>, <c>PyPI</c>), null when OSV has none for this distribution;
/// <see cref="Location"/> the image path of the database or metadata file. Immutable.
/// </summary>
public sealed record ImagePackage(string Type, string Name, string Version, string? Ecosystem, string Purl, string Location)
{
    /// <summary>The source package (dpkg <c>Source</c>, apk origin, rpm source RPM name), which advisories usually name.</summary>
    public string? SourceName { get; init; }

    public string? SourceVersion { get; init; }

    public string? Architecture { get; init; }

    /// <summary>True for packages of the operating system's package manager.</summary>
    public bool IsOsPackage => Type is "deb" or "apk" or "rpm";
}
