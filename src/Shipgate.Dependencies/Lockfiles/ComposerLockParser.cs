namespace Shipgate.Dependencies.Lockfiles;

/// <summary>Composer's <c>composer.lock</c>: the <c>packages</c> and <c>packages-dev</c> arrays.</summary>
public sealed class ComposerLockParser : ILockfileParser
{
    public string Format => "composer.lock";

    public IReadOnlyList<Package> Parse(string content, string path)
    {
        var root = JsonLockfile.ParseObject(content, Format);
        var packages = new List<Package>();
        foreach (var (group, dev) in new[] { ("packages", false), ("packages-dev", true) })
        {
            foreach (var entry in root[group]?.Items ?? [])
            {
                if (entry.String("name") is { } name && entry.Text("version") is { } version)
                {
                    var dist = entry["dist"];
                    packages.Add(new Package(name, version, Ecosystem.Packagist, path, entry.Line)
                    {
                        Dev = dev,
                        Resolved = dist?.String("url") ?? entry["source"]?.String("url"),
                        Hashes = PackageHash.FromHex("SHA-1", dist?.String("shasum")) is { } hash ? [hash] : [],
                    });
                }
            }
        }

        return packages;
    }
}
