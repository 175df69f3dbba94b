using Shipgate.Core;

namespace Shipgate.Dependencies.Lockfiles;

/// <summary>NuGet's <c>packages.lock.json</c>: every resolved package of every target framework, once.</summary>
public sealed class NuGetPackagesLockParser : ILockfileParser
{
    public string Format => "packages.lock.json";

    public IReadOnlyList<Package> Parse(string content, string path)
    {
        var root = JsonLockfile.ParseObject(content, Format);
        var packages = new List<Package>();
        var seen = new HashSet<(string, string)>();
        foreach (var (_, framework) in root["dependencies"]?.Members ?? [])
        {
            var resolvedHere = framework.Members
                .Where(m => m.Value.String("resolved") is not null && m.Value.String("type") is not "Project")
                .GroupBy(m => m.Key, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => new PackageId(g.First().Key, g.First().Value.String("resolved")!), StringComparer.OrdinalIgnoreCase);
            foreach (var (name, entry) in framework.Members)
            {
                if (entry.String("type") is "Project" || entry.String("resolved") is not { } version || !seen.Add((name, version)))
                {
                    continue;
                }

                packages.Add(new Package(name, version, Ecosystem.NuGet, path, entry.Line)
                {
                    Direct = entry.String("type") is "Direct" or "CentralTransitive" ? entry.String("type") == "Direct" : null,
                    Hashes = PackageHash.FromBase64("SHA-512", entry.String("contentHash")) is { } hash ? [hash] : [],
                    DependsOn = [.. (entry["dependencies"]?.Members ?? []).Select(d => resolvedHere.GetValueOrDefault(d.Key)).Where(id => id.Name is not null)],
                });
            }
        }

        return packages;
    }
}

/// <summary>The <c>*.deps.json</c> a .NET build writes beside an application: its <c>libraries</c>, keyed <c>Name/Version</c>.</summary>
public sealed class DepsJsonParser : ILockfileParser
{
    public string Format => "deps.json";

    public IReadOnlyList<Package> Parse(string content, string path)
    {
        var root = JsonLockfile.ParseObject(content, Format);
        if (root["libraries"] is not { IsObject: true } libraries)
        {
            throw new InputFormatException("The deps.json file has no 'libraries' object.", root.Line, 1);
        }

        var packages = new List<Package>();
        foreach (var (key, library) in libraries.Members)
        {
            var slash = key.IndexOf('/', StringComparison.Ordinal);
            if (slash <= 0)
            {
                continue;
            }

            packages.Add(new Package(key[..slash], key[(slash + 1)..], Ecosystem.NuGet, path, library.Line));
        }

        return packages;
    }
}

/// <summary>NuGet's restore output <c>obj/project.assets.json</c>: its <c>libraries</c> of type package.</summary>
public sealed class ProjectAssetsParser : ILockfileParser
{
    public string Format => "project.assets.json";

    public IReadOnlyList<Package> Parse(string content, string path)
    {
        var root = JsonLockfile.ParseObject(content, Format);
        var direct = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (_, framework) in root["project"]?["frameworks"]?.Members ?? [])
        {
            direct.UnionWith(framework["dependencies"]?.Members.Select(m => m.Key) ?? []);
        }

        var packages = new List<Package>();
        foreach (var (key, library) in root["libraries"]?.Members ?? [])
        {
            var slash = key.IndexOf('/', StringComparison.Ordinal);
            if (slash <= 0 || library.String("type") is not "package")
            {
                continue;
            }

            var name = key[..slash];
            packages.Add(new Package(name, key[(slash + 1)..], Ecosystem.NuGet, path, library.Line) { Direct = direct.Contains(name) });
        }

        return packages;
    }
}
