using System.Globalization;
using Shipgate.Core;
using Shipgate.Dependencies.Yaml;

namespace Shipgate.Dependencies.Lockfiles;

/// <summary>
/// pnpm's <c>pnpm-lock.yaml</c>, lockfile versions 5.x (keys <c>/name/version_peers</c>), 6 (<c>/name@version(peers)</c>)
/// and 9 (<c>name@version(peers)</c>). An explicit <c>name</c>/<c>version</c> on the entry wins over the key. Keys
/// that are not registry versions (a bare git URL) are skipped; a key that cannot be read at all is an error.
/// Dependency edges come from each entry's <c>dependencies</c> and <c>optionalDependencies</c> (in version 9 from the
/// <c>snapshots</c> section, which has them per peer variant); packages the importers (or a v5 lockfile's top-level
/// maps) name are direct, the others transitive.
/// </summary>
public sealed class PnpmLockParser : ILockfileParser
{
    public string Format => "pnpm-lock.yaml";

    public IReadOnlyList<Package> Parse(string content, string path)
    {
        var root = PositionedYaml.Parse(content);
        if (root is null)
        {
            return [];
        }

        if (!root.IsMapping)
        {
            throw new InputFormatException("Expected a YAML mapping at the top of pnpm-lock.yaml.", root.Line, 1);
        }

        var lockfileVersion = double.TryParse(root.String("lockfileVersion"), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : 5;
        var devNames = DevImporterNames(root);
        var parseKey = lockfileVersion < 6 ? (Func<string, (string?, string?)>)ParseSlashKey : ParseAtKey;
        var edges = Edges(root["snapshots"] ?? root["packages"], parseKey);
        var direct = DirectIds(root, parseKey);
        var packages = new List<Package>();
        foreach (var (keyNode, entry) in root["packages"]?.Members ?? [])
        {
            var key = keyNode.Value ?? "";
            var isLocal = key.StartsWith("file:", StringComparison.Ordinal) || key.StartsWith("link:", StringComparison.Ordinal);
            var (name, version) = isLocal ? (null, null) : lockfileVersion < 6 ? ParseSlashKey(key) : ParseAtKey(key);
            if (entry.String("name") is { } explicitName)
            {
                name = explicitName;
            }

            if (entry.String("version") is { } explicitVersion)
            {
                version = explicitVersion;
            }

            if (name is null && isLocal)
            {
                continue;
            }

            if (name is null)
            {
                throw new InputFormatException($"Cannot read a package name and version from the key '{key}'.", keyNode.Line);
            }

            if (version is null || version.Length == 0 || !char.IsAsciiDigit(version[0]))
            {
                continue;
            }

            packages.Add(new Package(name, version, Ecosystem.Npm, path, keyNode.Line)
            {
                Dev = entry.String("dev") is { } dev ? dev == "true" : devNames.Count > 0 ? devNames.Contains(name) : null,
                Resolved = entry["resolution"]?.String("tarball"),
                Hashes = PackageHash.FromIntegrity(entry["resolution"]?.String("integrity")) is { } hash ? [hash] : [],
                HasInstallScript = entry.String("requiresBuild") == "true",
                DependsOn = edges.TryGetValue(new PackageId(name, version), out var dependsOn) ? [.. dependsOn] : [],
                Direct = direct?.Contains(new PackageId(name, version)),
            });
        }

        return packages;
    }

    /// <summary>v5 keys: <c>/name/1.0.0_peer@2</c>, <c>/@scope/name/1.0.0</c>, <c>registry.host/name/1.0.0</c>.</summary>
    internal static (string? Name, string? Version) ParseSlashKey(string key)
    {
        if (!key.Contains('/', StringComparison.Ordinal))
        {
            return (null, null);
        }

        var trimmed = key.StartsWith('/') ? key[1..] : key[(key.IndexOf('/', StringComparison.Ordinal) + 1)..];
        var parts = trimmed.Split('/');
        string name;
        string? version;
        if (parts[0].StartsWith('@'))
        {
            name = parts.Length > 1 ? parts[0] + "/" + parts[1] : parts[0];
            version = parts.Length > 2 ? parts[2] : null;
        }
        else
        {
            name = parts[0];
            version = parts.Length > 1 ? parts[1] : null;
        }

        if (version is not null)
        {
            var underscore = version.IndexOf('_', StringComparison.Ordinal);
            version = underscore < 0 ? version : version[..underscore];
            var paren = version.IndexOf('(', StringComparison.Ordinal);
            version = paren < 0 ? version : version[..paren];
        }

        return (name, version ?? "");
    }

    /// <summary>v6 and v9 keys: <c>/name@1.0.0(peer@2)</c>, <c>@scope/name@1.0.0</c>.</summary>
    internal static (string? Name, string? Version) ParseAtKey(string key)
    {
        var trimmed = key.StartsWith('/') ? key[1..] : key;
        var paren = trimmed.IndexOf('(', StringComparison.Ordinal);
        if (paren >= 0)
        {
            trimmed = trimmed[..paren];
        }

        var at = trimmed.IndexOf('@', 1);
        return at < 0 ? (null, null) : (trimmed[..at], trimmed[(at + 1)..]);
    }

    private static readonly string[] DependencyGroups = ["dependencies", "optionalDependencies"];
    private static readonly string[] ImporterGroups = ["dependencies", "devDependencies", "optionalDependencies"];

    /// <summary>
    /// The dependency edges of every entry, merged over peer variants: a value is a version (<c>1.0.0</c>,
    /// <c>1.0.0(peer@2)</c>, v5's <c>1.0.0_peer@2</c>) or, for an alias, a key of the target (<c>/real@1.0.0</c>).
    /// </summary>
    private static Dictionary<PackageId, HashSet<PackageId>> Edges(YamlNode? entries, Func<string, (string?, string?)> parseKey)
    {
        var edges = new Dictionary<PackageId, HashSet<PackageId>>();
        foreach (var (keyNode, entry) in entries?.Members ?? [])
        {
            if (parseKey(keyNode.Value ?? "") is not (string name, string version))
            {
                continue;
            }

            var id = new PackageId(name, version);
            if (!edges.TryGetValue(id, out var set))
            {
                edges[id] = set = [];
            }

            foreach (var group in DependencyGroups)
            {
                foreach (var (dependency, value) in entry[group]?.Members ?? [])
                {
                    if (Target(dependency.Value ?? "", value.Value ?? value.String("version"), parseKey) is { } target)
                    {
                        set.Add(target);
                    }
                }
            }
        }

        return edges;
    }

    /// <summary>The packages named by the importers (v6, v9), or by a v5 lockfile's top-level maps; null when there are none.</summary>
    private static HashSet<PackageId>? DirectIds(YamlNode root, Func<string, (string?, string?)> parseKey)
    {
        var importers = root["importers"]?.Members.Select(m => m.Value).ToList() ?? [];
        if (importers.Count == 0)
        {
            importers.Add(root);
        }

        var direct = new HashSet<PackageId>();
        foreach (var importer in importers)
        {
            foreach (var group in ImporterGroups)
            {
                foreach (var (dependency, value) in importer[group]?.Members ?? [])
                {
                    if (Target(dependency.Value ?? "", value.Value ?? value.String("version"), parseKey) is { } target)
                    {
                        direct.Add(target);
                    }
                }
            }
        }

        return direct.Count == 0 ? null : direct;
    }

    /// <summary>What a dependency's resolved value points at; null for links, files and anything unreadable.</summary>
    private static PackageId? Target(string name, string? value, Func<string, (string?, string?)> parseKey)
    {
        if (string.IsNullOrEmpty(value) || value.StartsWith("link:", StringComparison.Ordinal) || value.StartsWith("file:", StringComparison.Ordinal))
        {
            return null;
        }

        if (char.IsAsciiDigit(value[0]))
        {
            var end = value.IndexOfAny(['(', '_']);
            return new PackageId(name, end < 0 ? value : value[..end]);
        }

        return parseKey(value) is (string aliased, string version) && version.Length > 0 ? new PackageId(aliased, version) : null;
    }

    /// <summary>Names that the v9 importers list only under devDependencies.</summary>
    private static HashSet<string> DevImporterNames(YamlNode root)
    {
        var dev = new HashSet<string>(StringComparer.Ordinal);
        var prod = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (_, importer) in root["importers"]?.Members ?? [])
        {
            foreach (var (group, set) in new[] { ("devDependencies", dev), ("dependencies", prod), ("optionalDependencies", prod) })
            {
                foreach (var (name, _) in importer[group]?.Members ?? [])
                {
                    set.Add(name.Value ?? "");
                }
            }
        }

        dev.ExceptWith(prod);
        return dev;
    }
}
