namespace Shipgate.Dependencies;

/// <summary>A package ecosystem. <see cref="EcosystemNames.OsvName"/> gives the spelling the OSV schema uses.</summary>
public enum Ecosystem
{
    Npm,
    PyPI,
    CratesIo,
    Go,
    RubyGems,
    Packagist,
    NuGet,
    Maven,
    Pub,
    Hex,
    Cran,
    SwiftUrl,
    CocoaPods,
    ConanCenter,
    Hackage,

    /// <summary>Debian packages (OSV writes <c>Debian:12</c>; ordered by dpkg).</summary>
    Debian,

    /// <summary>Ubuntu packages (OSV writes <c>Ubuntu:22.04:LTS</c>; ordered by dpkg).</summary>
    Ubuntu,

    /// <summary>Alpine packages (OSV writes <c>Alpine:v3.19</c>; ordered by apk-tools).</summary>
    Alpine,
}

/// <summary>The wire names of <see cref="Ecosystem"/>: OSV ecosystem names and package-URL types.</summary>
public static class EcosystemNames
{
    public static string OsvName(this Ecosystem ecosystem) => ecosystem switch
    {
        Ecosystem.Npm => "npm",
        Ecosystem.PyPI => "PyPI",
        Ecosystem.CratesIo => "crates.io",
        Ecosystem.Go => "Go",
        Ecosystem.RubyGems => "RubyGems",
        Ecosystem.Packagist => "Packagist",
        Ecosystem.NuGet => "NuGet",
        Ecosystem.Maven => "Maven",
        Ecosystem.Pub => "Pub",
        Ecosystem.Hex => "Hex",
        Ecosystem.Cran => "CRAN",
        Ecosystem.SwiftUrl => "SwiftURL",
        Ecosystem.CocoaPods => "CocoaPods",
        Ecosystem.ConanCenter => "ConanCenter",
        Ecosystem.Hackage => "Hackage",
        Ecosystem.Debian => "Debian",
        Ecosystem.Ubuntu => "Ubuntu",
        Ecosystem.Alpine => "Alpine",
        _ => throw new ArgumentOutOfRangeException(nameof(ecosystem), ecosystem, null),
    };

    /// <summary>The package-URL type (<c>pkg:TYPE/...</c>).</summary>
    public static string PurlType(this Ecosystem ecosystem) => ecosystem switch
    {
        Ecosystem.Npm => "npm",
        Ecosystem.PyPI => "pypi",
        Ecosystem.CratesIo => "cargo",
        Ecosystem.Go => "golang",
        Ecosystem.RubyGems => "gem",
        Ecosystem.Packagist => "composer",
        Ecosystem.NuGet => "nuget",
        Ecosystem.Maven => "maven",
        Ecosystem.Pub => "pub",
        Ecosystem.Hex => "hex",
        Ecosystem.Cran => "cran",
        Ecosystem.SwiftUrl => "swift",
        Ecosystem.CocoaPods => "cocoapods",
        Ecosystem.ConanCenter => "conan",
        Ecosystem.Hackage => "hackage",
        Ecosystem.Debian or Ecosystem.Ubuntu => "deb",
        Ecosystem.Alpine => "apk",
        _ => throw new ArgumentOutOfRangeException(nameof(ecosystem), ecosystem, null),
    };
}
