using System.Globalization;
using Shipgate.Core;
using Shipgate.Dependencies.Yaml;

namespace Shipgate.Dependencies.Lockfiles;

/// <summary>
/// pnpm's <c>pnpm-lock.yaml</c>, lockfile versions 5.x (keys <c>/name/version_peers</c>), 6 (<c>/name@version(peers)</c>)
/// and 9 (<c>name@version(peers)</c>). An explicit <c>name</c>/<c>version</c> on the entry wins over the key. Keys
/// that are not registry versions (a bare git URL) are skipped; a key that cannot be read at all is an error.
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
