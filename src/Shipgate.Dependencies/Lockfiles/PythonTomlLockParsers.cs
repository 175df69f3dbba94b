using Shipgate.Dependencies.Toml;

namespace Shipgate.Dependencies.Lockfiles;

/// <summary>Poetry's <c>poetry.lock</c>: <c>[[package]]</c> tables with name, version, optional and category/groups.</summary>
public sealed class PoetryLockParser : ILockfileParser
{
    public string Format => "poetry.lock";

    public IReadOnlyList<Package> Parse(string content, string path)
    {
        var document = TomlParser.Parse(content);
        var packages = new List<Package>();
        foreach (var table in document.GetTables("package"))
        {
            if (table.GetString("name") is not { } name || table.GetString("version") is not { } version)
            {
                continue;
            }

            var groups = table.GetArray("groups")?.Items.OfType<TomlString>().Select(s => s.Value).ToList();
            var category = table.GetString("category");
            var dev = category is not null ? category == "dev" : groups is { Count: > 0 } ? !groups.Contains("main") : (bool?)null;
            packages.Add(new Package(name, version, Ecosystem.PyPI, path, table.Line)
            {
                Dev = dev,
                Optional = table["optional"] is TomlBoolean { Value: true },
            });
        }

        return packages;
    }
}

/// <summary>uv's <c>uv.lock</c>. The project itself (a <c>virtual</c> or <c>editable</c> source) is not a dependency.</summary>
public sealed class UvLockParser : ILockfileParser
{
    public string Format => "uv.lock";

    public IReadOnlyList<Package> Parse(string content, string path)
    {
        var document = TomlParser.Parse(content);
        var packages = new List<Package>();
        foreach (var table in document.GetTables("package"))
        {
            if (table.GetString("name") is not { } name || table.GetString("version") is not { } version)
            {
                continue;
            }

            if (table.GetTable("source") is { } source && (source["virtual"] is not null || source["editable"] is not null))
            {
                continue;
            }

            packages.Add(new Package(name, version, Ecosystem.PyPI, path, table.Line));
        }

        return packages;
    }
}

/// <summary>PDM's <c>pdm.lock</c>: <c>[[package]]</c> tables whose <c>groups</c> say default, dev or an optional group.</summary>
public sealed class PdmLockParser : ILockfileParser
{
    public string Format => "pdm.lock";

    public IReadOnlyList<Package> Parse(string content, string path)
    {
        var document = TomlParser.Parse(content);
        var packages = new List<Package>();
        foreach (var table in document.GetTables("package"))
        {
            if (table.GetString("name") is not { } name || table.GetString("version") is not { } version)
            {
                continue;
            }

            var groups = table.GetArray("groups")?.Items.OfType<TomlString>().Select(s => s.Value).ToList() ?? [];
            var isDefault = groups.Count == 0 || groups.Contains("default");
            var isDev = !isDefault && groups.Contains("dev");
            packages.Add(new Package(name, version, Ecosystem.PyPI, path, table.Line)
            {
                Dev = isDev,
                Optional = !isDefault && !isDev,
            });
        }

        return packages;
    }
}

/// <summary>
/// PEP 751 <c>pylock.toml</c>: <c>[[packages]]</c> entries. A package without a version (a local directory) names
/// the project itself or a path checkout and is left out.
/// </summary>
public sealed class PylockParser : ILockfileParser
{
    public string Format => "pylock.toml";

    public IReadOnlyList<Package> Parse(string content, string path)
    {
        var document = TomlParser.Parse(content);
        var packages = new List<Package>();
        foreach (var table in document.GetTables("packages"))
        {
            if (table.GetString("name") is not { } name || table.GetString("version") is not { } version)
            {
                continue;
            }

            packages.Add(new Package(name, version, Ecosystem.PyPI, path, table.Line));
        }

        return packages;
    }
}

/// <summary>Cargo's <c>Cargo.lock</c>: every <c>[[package]]</c>, including local workspace crates.</summary>
public sealed class CargoLockParser : ILockfileParser
{
    public string Format => "Cargo.lock";

    public IReadOnlyList<Package> Parse(string content, string path)
    {
        var document = TomlParser.Parse(content);
        var tables = document.GetTables("package").Where(t => t.GetString("name") is not null && t.GetString("version") is not null).ToList();
        var versionsByName = tables.GroupBy(t => t.GetString("name")!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(t => t.GetString("version")!).ToList(), StringComparer.Ordinal);
        var packages = new List<Package>();
        foreach (var table in tables)
        {
            var name = table.GetString("name")!;
            packages.Add(new Package(name, table.GetString("version")!, Ecosystem.CratesIo, path, table.Line)
            {
                Resolved = table.GetString("source"),
                Hashes = PackageHash.FromHex("SHA-256", table.GetString("checksum")) is { } hash ? [hash] : [],
                DependsOn = Dependencies(table, versionsByName),
            });
        }

        return packages;
    }

    /// <summary>Cargo writes <c>"name"</c> when one version of a crate is locked, else <c>"name version"</c> (plus the source).</summary>
    private static List<PackageId> Dependencies(TomlTable table, Dictionary<string, List<string>> versionsByName)
    {
        var result = new List<PackageId>();
        foreach (var item in table.GetArray("dependencies")?.Items ?? [])
        {
            if (item is not TomlString { Value: var spec })
            {
                continue;
            }

            var parts = spec.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0 || !versionsByName.TryGetValue(parts[0], out var versions))
            {
                continue;
            }

            var version = parts.Length > 1 ? parts[1] : versions.Count == 1 ? versions[0] : null;
            if (version is not null && versions.Contains(version))
            {
                result.Add(new PackageId(parts[0], version));
            }
        }

        return result;
    }
}
