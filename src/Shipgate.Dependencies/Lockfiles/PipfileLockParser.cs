namespace Shipgate.Dependencies.Lockfiles;

/// <summary>
/// Pipenv's <c>Pipfile.lock</c>: <c>default</c> and <c>develop</c> maps of pinned (<c>==x</c>) packages. A package in
/// both groups is listed once, as a runtime dependency. Git and path entries have no version and are left out.
/// </summary>
public sealed class PipfileLockParser : ILockfileParser
{
    public string Format => "Pipfile.lock";

    public IReadOnlyList<Package> Parse(string content, string path)
    {
        if (string.IsNullOrWhiteSpace(content))
        {
            return [];
        }

        var root = JsonLockfile.ParseObject(content, Format);
        var packages = new List<Package>();
        var index = new Dictionary<(string, string), int>();
        foreach (var (group, dev) in new[] { ("default", false), ("develop", true) })
        {
            if (root[group] is not { IsObject: true } entries)
            {
                continue;
            }

            foreach (var (name, entry) in entries.Members)
            {
                if (entry.String("version") is not { } pinned)
                {
                    continue;
                }

                var version = pinned.StartsWith("==", StringComparison.Ordinal) ? pinned[2..] : pinned.TrimStart('=');
                if (index.TryGetValue((name, version), out var existing))
                {
                    if (!dev)
                    {
                        packages[existing] = packages[existing] with { Dev = false };
                    }

                    continue;
                }

                index[(name, version)] = packages.Count;
                packages.Add(new Package(name, version, Ecosystem.PyPI, path, entry.Line)
                {
                    Dev = dev,
                    Hashes = [.. (entry["hashes"]?.Items ?? []).Select(h => PackageHash.FromPrefixedHex(h.Scalar)).OfType<PackageHash>()],
                });
            }
        }

        return packages;
    }
}
