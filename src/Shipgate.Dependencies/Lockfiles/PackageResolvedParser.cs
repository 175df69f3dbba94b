using Shipgate.Core;

namespace Shipgate.Dependencies.Lockfiles;

/// <summary>
/// SwiftPM's <c>Package.resolved</c> (versions 1 to 3). A package is named by its repository URL without the
/// scheme and <c>.git</c> (<c>github.com/apple/swift-nio</c>), as OSV's SwiftURL ecosystem does.
/// </summary>
public sealed class PackageResolvedParser : ILockfileParser
{
    public string Format => "Package.resolved";

    public IReadOnlyList<Package> Parse(string content, string path)
    {
        var root = JsonLockfile.ParseObject(content, Format);
        var pins = root["pins"] ?? root["object"]?["pins"];
        if (pins is not { IsArray: true })
        {
            throw new InputFormatException("Package.resolved has no 'pins' array.", root.Line, 1);
        }

        var packages = new List<Package>();
        foreach (var pin in pins.Items)
        {
            var location = pin.String("location") ?? pin.String("repositoryURL");
            var version = pin["state"]?.String("version");
            if (location is null || version is null)
            {
                continue;
            }

            packages.Add(new Package(NameFromUrl(location), version, Ecosystem.SwiftUrl, path, pin.Line));
        }

        return packages;
    }

    internal static string NameFromUrl(string url)
    {
        var name = url;
        var scheme = name.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            name = name[(scheme + 3)..];
        }
        else if (name.StartsWith("git@", StringComparison.Ordinal))
        {
            name = name[4..].Replace(':', '/');
        }

        var at = name.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0 && at < name.IndexOf('/', StringComparison.Ordinal))
        {
            name = name[(at + 1)..];
        }

        name = name.TrimEnd('/');
        return name.EndsWith(".git", StringComparison.OrdinalIgnoreCase) ? name[..^4] : name;
    }
}
