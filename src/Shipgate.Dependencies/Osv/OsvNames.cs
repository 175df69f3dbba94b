namespace Shipgate.Dependencies.Osv;

/// <summary>
/// How the store keys packages: the OSV ecosystem exactly as records spell it (<c>npm</c>, <c>PyPI</c>,
/// <c>Debian:12</c>) and the package name normalised the way that ecosystem compares names. Stateless; thread-safe.
/// </summary>
public static class OsvNames
{
    /// <summary>The ecosystem without its release suffix: <c>Debian:12</c> → <c>Debian</c>.</summary>
    public static string BaseEcosystem(string ecosystem)
    {
        var colon = ecosystem.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? ecosystem : ecosystem[..colon];
    }

    /// <summary>
    /// PyPI follows PEP 503 (lower case, runs of <c>-_.</c> become <c>-</c>); NuGet, Packagist, crates.io, Pub and
    /// Hex names are case-insensitive and lower-cased; every other ecosystem (npm, Go, Maven, RubyGems, CRAN, OS
    /// distributions) compares names exactly.
    /// </summary>
    public static string NormalizeName(string ecosystem, string name) => BaseEcosystem(ecosystem) switch
    {
        "PyPI" => PackageUrl.NormalizePythonName(name),
        "NuGet" or "Packagist" or "crates.io" or "Pub" or "Hex" => name.ToLowerInvariant(),
        _ => name,
    };

    /// <summary>The store key of a package: its OSV ecosystem (with the distribution release, if any) and normalised name.</summary>
    public static (string Ecosystem, string Name) KeyOf(Package package)
    {
        ArgumentNullException.ThrowIfNull(package);
        var ecosystem = package.EcosystemRelease is { Length: > 0 } release ? package.Ecosystem.OsvName() + ":" + release : package.Ecosystem.OsvName();
        return (ecosystem, NormalizeName(ecosystem, package.Name));
    }
}
