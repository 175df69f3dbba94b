using Shipgate.Core;
using Shipgate.Dependencies.Json;

namespace Shipgate.Dependencies.Lockfiles;

/// <summary>
/// npm's <c>package-lock.json</c> and <c>npm-shrinkwrap.json</c>, lockfile versions 1 to 3. Version 2 and 3 files
/// are read from <c>packages</c> (keyed by install path); version 1 files from the nested <c>dependencies</c> tree.
/// A package-lock.json with an npm-shrinkwrap.json beside it is ignored, as npm ignores it.
/// </summary>
public sealed class PackageLockParser(IFileReader files) : ILockfileParser
{
    public string Format => "package-lock.json";

    public IReadOnlyList<Package> Parse(string content, string path)
    {
        var root = PositionedJson.Parse(content);
        if (!root.IsObject)
        {
            throw new InputFormatException("Expected a JSON object at the top of the lockfile.", root.Line, 1);
        }

        if (string.Equals(Path.GetFileName(path), "package-lock.json", StringComparison.OrdinalIgnoreCase)
            && files.Exists(Path.Combine(Path.GetDirectoryName(path) ?? "", "npm-shrinkwrap.json")))
        {
            return [];
        }

        var packages = new List<Package>();
        var seen = new HashSet<(string, string, string)>();
        if (root["packages"] is { IsObject: true } installed)
        {
            var direct = DirectNames(installed[""]);
            var byPath = InstalledIds(installed);
            foreach (var (key, entry) in installed.Members)
            {
                if (key.Length == 0 || !entry.IsObject || entry.Bool("link"))
                {
                    continue;
                }

                var name = entry.String("name") ?? NameFromInstallPath(key);
                var version = entry.String("version") ?? "";
                if (version.StartsWith("npm:", StringComparison.Ordinal))
                {
                    (name, version) = SplitAlias(version[4..], name);
                }

                var topLevel = key.StartsWith("node_modules/", StringComparison.Ordinal) && !key.Contains("/node_modules/", StringComparison.Ordinal);
                Add(packages, seen, path, name, version, Commit(entry.String("resolved")), entry, isDirect: topLevel && direct.Contains(NameFromInstallPath(key)), DependenciesOf(key, entry, byPath));
            }

            return packages;
        }

        if (root["dependencies"] is { IsObject: true } tree)
        {
            var direct = tree.Members.Select(m => m.Key).ToHashSet(StringComparer.Ordinal);
            Walk(tree, packages, seen, path, depth: 0, direct);
        }

        return packages;
    }

    private static void Walk(JsonNode dependencies, List<Package> packages, HashSet<(string, string, string)> seen, string path, int depth, HashSet<string> direct)
    {
        if (depth > PositionedJson.MaxDepth)
        {
            return;
        }

        foreach (var (key, entry) in dependencies.Members)
        {
            if (!entry.IsObject)
            {
                continue;
            }

            var name = key;
            var version = entry.String("version") ?? "";
            var commit = "";
            if (version.StartsWith("npm:", StringComparison.Ordinal))
            {
                (name, version) = SplitAlias(version[4..], name);
            }
            else if (version.Contains(':', StringComparison.Ordinal) || version.Contains('/', StringComparison.Ordinal))
            {
                commit = Commit(version);
                version = "";
            }

            Add(packages, seen, path, name, version, commit, entry, isDirect: depth == 0 && direct.Contains(key), dependsOn: null);
            if (entry["dependencies"] is { IsObject: true } nested)
            {
                Walk(nested, packages, seen, path, depth + 1, direct);
            }
        }
    }

    private static void Add(List<Package> packages, HashSet<(string, string, string)> seen, string path, string name, string version, string commit, JsonNode entry, bool isDirect, IReadOnlyList<PackageId>? dependsOn)
    {
        if (!seen.Add((name, version, commit)))
        {
            return;
        }

        packages.Add(new Package(name, version, Ecosystem.Npm, path, entry.Line)
        {
            Direct = isDirect,
            Dev = entry.Bool("dev") || entry.Bool("devOptional"),
            Optional = entry.Bool("optional") || entry.Bool("devOptional"),
            Resolved = entry.String("resolved"),
            Hashes = PackageHash.FromIntegrity(entry.String("integrity")) is { } hash ? [hash] : [],
            HasInstallScript = entry.Bool("hasInstallScript"),
            DependsOn = dependsOn,
        });
    }

    /// <summary>Install path → the package installed there, for resolving dependency edges.</summary>
    private static Dictionary<string, PackageId> InstalledIds(JsonNode installed)
    {
        var ids = new Dictionary<string, PackageId>(StringComparer.Ordinal);
        foreach (var (key, entry) in installed.Members)
        {
            if (key.Length == 0 || !entry.IsObject)
            {
                continue;
            }

            if (entry.Bool("link"))
            {
                var target = entry.String("resolved");
                if (target is not null && installed[target] is { IsObject: true } linked)
                {
                    ids[key] = IdOf(target, linked);
                }

                continue;
            }

            ids[key] = IdOf(key, entry);
        }

        return ids;
    }

    private static PackageId IdOf(string key, JsonNode entry)
    {
        var name = entry.String("name") ?? NameFromInstallPath(key);
        var version = entry.String("version") ?? "";
        if (version.StartsWith("npm:", StringComparison.Ordinal))
        {
            (name, version) = SplitAlias(version[4..], name);
        }

        return new PackageId(name, version);
    }

    /// <summary>
    /// Resolves each declared dependency the way Node does: the nearest <c>node_modules/NAME</c> from the package's own
    /// folder up to the project root. Dependencies that are not installed (an optional one for another platform) are left out.
    /// </summary>
    private static List<PackageId> DependenciesOf(string key, JsonNode entry, Dictionary<string, PackageId> byPath)
    {
        var result = new List<PackageId>();
        foreach (var group in new[] { "dependencies", "optionalDependencies", "peerDependencies" })
        {
            if (entry[group] is not { IsObject: true } declared)
            {
                continue;
            }

            foreach (var (dependency, _) in declared.Members)
            {
                var folder = key;
                while (true)
                {
                    var candidate = (folder.Length == 0 ? "" : folder + "/") + "node_modules/" + dependency;
                    if (byPath.TryGetValue(candidate, out var id))
                    {
                        if (!result.Contains(id))
                        {
                            result.Add(id);
                        }

                        break;
                    }

                    if (folder.Length == 0)
                    {
                        break;
                    }

                    folder = ParentFolder(folder);
                }
            }
        }

        return result;
    }

    /// <summary><c>node_modules/a/node_modules/@s/b</c> → <c>node_modules/a</c>; <c>packages/x</c> → the root.</summary>
    private static string ParentFolder(string key)
    {
        var index = key.LastIndexOf("node_modules/", StringComparison.Ordinal);
        return index <= 0 ? "" : key[..(index - 1)];
    }

    private static HashSet<string> DirectNames(JsonNode? rootPackage)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in new[] { "dependencies", "devDependencies", "optionalDependencies", "peerDependencies" })
        {
            if (rootPackage?[group] is { IsObject: true } deps)
            {
                names.UnionWith(deps.Members.Select(m => m.Key));
            }
        }

        return names;
    }

    /// <summary><c>node_modules/a/node_modules/@s/b</c> → <c>@s/b</c>; a workspace path such as <c>deps/etag</c> → <c>etag</c>.</summary>
    internal static string NameFromInstallPath(string key)
    {
        const string Marker = "node_modules/";
        var index = key.LastIndexOf(Marker, StringComparison.Ordinal);
        if (index >= 0)
        {
            return key[(index + Marker.Length)..];
        }

        var slash = key.LastIndexOf('/');
        return slash < 0 ? key : key[(slash + 1)..];
    }

    /// <summary>Splits <c>@scope/name@1.2.3</c> (the part after <c>npm:</c>) into name and version.</summary>
    private static (string Name, string Version) SplitAlias(string alias, string fallbackName)
    {
        var at = alias.LastIndexOf('@');
        return at <= 0 ? (fallbackName, alias) : (alias[..at], alias[(at + 1)..]);
    }

    private static string Commit(string? resolved)
    {
        if (resolved is null)
        {
            return "";
        }

        var hash = resolved.LastIndexOf('#');
        return hash < 0 ? "" : resolved[(hash + 1)..];
    }
}
