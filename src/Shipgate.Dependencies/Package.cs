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

    /// <summary>Where the lockfile says the package is fetched from (npm <c>resolved</c>, a Cargo <c>source</c>), or null.</summary>
    public string? Resolved { get; init; }

    /// <summary>The digests the lockfile pins for the package's artifact(s); empty when it pins none.</summary>
    public IReadOnlyList<PackageHash> Hashes { get; init; } = [];

    /// <summary>Whether the lockfile says installing the package runs a script (npm <c>hasInstallScript</c>).</summary>
    public bool HasInstallScript { get; init; }

    /// <summary>
    /// The packages of the same lockfile this one depends on, or null when the format does not record the graph.
    /// </summary>
    public IReadOnlyList<PackageId>? DependsOn { get; init; }

    /// <summary>
    /// The distribution release that completes the OSV ecosystem of an OS package (<c>12</c> in <c>Debian:12</c>,
    /// <c>22.04:LTS</c> in <c>Ubuntu:22.04:LTS</c>, <c>v3.19</c> in <c>Alpine:v3.19</c>), or null for language packages.
    /// </summary>
    public string? EcosystemRelease { get; init; }

    /// <summary>The package URL (<c>pkg:npm/%40scope/name@1.0.0</c>).</summary>
    public string Purl => PackageUrl.Create(Ecosystem, Name, Version);

    /// <summary>Name and version, which identify the package within one lockfile.</summary>
    public PackageId Id => new(Name, Version);
}

/// <summary>A package's name and version within one lockfile.</summary>
public readonly record struct PackageId(string Name, string Version);

/// <summary>
/// A digest a lockfile pins: the algorithm as CycloneDX spells it (<c>SHA-256</c>, <c>SHA-512</c>, <c>SHA-1</c>) and the
/// value in lower-case hexadecimal.
/// </summary>
public sealed record PackageHash(string Algorithm, string Hex)
{
    /// <summary>An npm/SRI integrity string (<c>sha512-BASE64</c>), or null when it is not one.</summary>
    public static PackageHash? FromIntegrity(string? integrity)
    {
        if (string.IsNullOrWhiteSpace(integrity))
        {
            return null;
        }

        var first = integrity.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
        var dash = first.IndexOf('-', StringComparison.Ordinal);
        if (dash <= 0 || AlgorithmOf(first[..dash]) is not { } algorithm)
        {
            return null;
        }

        var buffer = new byte[96];
        return Convert.TryFromBase64String(first[(dash + 1)..], buffer, out var written) && written == ExpectedBytes(algorithm)
            ? new PackageHash(algorithm, Convert.ToHexStringLower(buffer.AsSpan(0, written)))
            : null;
    }

    /// <summary>A <c>sha256:HEX</c> or <c>sha256=HEX</c> pin (pip, Pipfile.lock, uv), or null.</summary>
    public static PackageHash? FromPrefixedHex(string? pin)
    {
        if (string.IsNullOrWhiteSpace(pin))
        {
            return null;
        }

        var separator = pin.IndexOfAny([':', '=']);
        return separator > 0 && AlgorithmOf(pin[..separator].Trim()) is { } algorithm ? FromHex(algorithm, pin[(separator + 1)..].Trim()) : null;
    }

    /// <summary>A bare hex digest of a known algorithm, or null when it is not hex of the right length.</summary>
    public static PackageHash? FromHex(string algorithm, string? hex)
    {
        if (hex is null || hex.Length != ExpectedBytes(algorithm) * 2 || !hex.All(char.IsAsciiHexDigit))
        {
            return null;
        }

        return new PackageHash(algorithm, hex.ToLowerInvariant());
    }

    /// <summary>A base64 digest (NuGet <c>contentHash</c>) of a known algorithm, or null.</summary>
    public static PackageHash? FromBase64(string algorithm, string? base64)
    {
        var buffer = new byte[96];
        return base64 is not null && Convert.TryFromBase64String(base64, buffer, out var written) && written == ExpectedBytes(algorithm)
            ? new PackageHash(algorithm, Convert.ToHexStringLower(buffer.AsSpan(0, written)))
            : null;
    }

    private static string? AlgorithmOf(string name) => name.ToLowerInvariant() switch
    {
        "sha1" or "sha-1" => "SHA-1",
        "sha256" or "sha-256" => "SHA-256",
        "sha384" or "sha-384" => "SHA-384",
        "sha512" or "sha-512" => "SHA-512",
        _ => null,
    };

    private static int ExpectedBytes(string algorithm) => algorithm switch
    {
        "SHA-1" => 20,
        "SHA-256" => 32,
        "SHA-384" => 48,
        "SHA-512" => 64,
        _ => -1,
    };
}
