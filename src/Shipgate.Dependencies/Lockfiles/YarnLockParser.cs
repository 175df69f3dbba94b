using Shipgate.Core;
using Shipgate.Dependencies.Yaml;

namespace Shipgate.Dependencies.Lockfiles;

/// <summary>
/// Yarn's <c>yarn.lock</c>: the classic v1 format (its own indented syntax) and Berry (v2 and later, YAML with a
/// <c>__metadata</c> entry). Aliases (<c>alias@npm:real@range</c>) are reported under the real package name; the
/// root workspace of a Berry lockfile is the project itself and is left out. Dependency edges come from each entry's
/// <c>dependencies</c> and <c>optionalDependencies</c>: a name and range, resolved to the entry whose header lists that
/// descriptor (<c>name@range</c>; Berry adds the <c>npm:</c> protocol when the range has none). What Berry's workspaces
/// (the root and the others) depend on is direct, the rest transitive; classic lockfiles do not say.
/// </summary>
public sealed class YarnLockParser : ILockfileParser
{
    public string Format => "yarn.lock";

    public IReadOnlyList<Package> Parse(string content, string path) =>
        IsBerry(content) ? ParseBerry(content, path) : ParseClassic(content, path);

    private static bool IsBerry(string content) =>
        content.StartsWith("__metadata:", StringComparison.Ordinal) || content.Contains("\n__metadata:", StringComparison.Ordinal);

    private static List<Package> ParseBerry(string content, string path)
    {
        var root = PositionedYaml.Parse(content);
        if (root is not { IsMapping: true })
        {
            throw new InputFormatException("Expected a YAML mapping at the top of the Berry yarn.lock.", 1, 1);
        }

        var packages = new List<(Package Package, List<(string Name, string Range)> Dependencies)>();
        var descriptors = new Dictionary<string, PackageId>(StringComparer.Ordinal);
        var workspaceDependencies = new List<(string Name, string Range)>();
        foreach (var (key, entry) in root.Members)
        {
            if (key.Value == "__metadata" || !entry.IsMapping || entry.String("version") is not { } version)
            {
                continue;
            }

            var resolution = entry.String("resolution") ?? FirstSpec(key.Value ?? "");
            var name = NameOf(resolution);
            var dependencies = DependencyGroups
                .SelectMany(group => entry[group]?.Members ?? [])
                .Select(m => (m.Key.Value ?? "", m.Value.Value ?? ""))
                .ToList();
            if (resolution.Contains("@workspace:", StringComparison.Ordinal))
            {
                workspaceDependencies.AddRange(dependencies);
            }

            if (resolution.EndsWith("@workspace:.", StringComparison.Ordinal))
            {
                continue;
            }

            var package = new Package(name, version, Ecosystem.Npm, path, key.Line) { Resolved = resolution };
            foreach (var descriptor in Specs(key.Value ?? ""))
            {
                descriptors.TryAdd(descriptor, package.Id);
            }

            packages.Add((package, dependencies));
        }

        PackageId? Resolve((string Name, string Range) dependency) =>
            descriptors.TryGetValue($"{dependency.Name}@{dependency.Range}", out var id) ? id
            : !dependency.Range.Contains(':', StringComparison.Ordinal) && descriptors.TryGetValue($"{dependency.Name}@npm:{dependency.Range}", out id) ? id
            : null;
        var direct = workspaceDependencies.Select(Resolve).OfType<PackageId>().ToHashSet();
        return [.. packages.Select(p => p.Package with
        {
            DependsOn = [.. p.Dependencies.Select(Resolve).OfType<PackageId>().Distinct()],
            Direct = direct.Count == 0 ? null : direct.Contains(p.Package.Id),
        })];
    }

    private static readonly string[] DependencyGroups = ["dependencies", "optionalDependencies"];

    private static List<Package> ParseClassic(string content, string path)
    {
        var packages = new List<(Package Package, List<(string Name, string Range)> Dependencies)>();
        var descriptors = new Dictionary<string, PackageId>(StringComparer.Ordinal);
        var lines = content.Split('\n');
        string? name = null;
        string? header = null;
        var headerLine = 0;
        string? version = null;
        string? resolved = null;
        string? integrity = null;
        var inDependencies = false;
        var dependencies = new List<(string Name, string Range)>();
        for (var i = 0; i <= lines.Length; i++)
        {
            var line = i < lines.Length ? lines[i].TrimEnd('\r') : null;
            var isHeader = line is { Length: > 0 } && line[0] is not (' ' or '\t' or '#');
            if (line is null || isHeader)
            {
                if (name is not null && version is not null)
                {
                    var package = new Package(name, version, Ecosystem.Npm, path, headerLine)
                    {
                        Resolved = resolved,
                        Hashes = PackageHash.FromIntegrity(integrity) is { } hash ? [hash] : [],
                    };
                    foreach (var descriptor in Specs(header!))
                    {
                        descriptors.TryAdd(descriptor, package.Id);
                    }

                    packages.Add((package, dependencies));
                }

                name = null;
                version = null;
                resolved = null;
                integrity = null;
                inDependencies = false;
                dependencies = [];
                if (line is null)
                {
                    break;
                }

                if (!line.EndsWith(':'))
                {
                    throw new InputFormatException($"Expected an entry header ending with ':' but found '{Shorten(line)}'.", i + 1, 1);
                }

                header = line[..^1];
                name = NameOf(FirstSpec(header));
                headerLine = i + 1;
                continue;
            }

            var trimmed = line!.TrimStart();
            var indent = line.Length - trimmed.Length;
            if (name is null || trimmed.Length == 0 || trimmed[0] == '#')
            {
                continue;
            }

            if (indent == 4 && inDependencies && SplitField(trimmed) is ({ Length: > 0 } dependency, var range))
            {
                dependencies.Add((dependency, range));
                continue;
            }

            if (indent != 2)
            {
                continue;
            }

            var (field, value) = SplitField(trimmed);
            inDependencies = value.Length == 0 && field.TrimEnd(':') is "dependencies" or "optionalDependencies";
            switch (field)
            {
                case "version":
                    version = value;
                    break;
                case "resolved":
                    resolved = value;
                    break;
                case "integrity":
                    integrity = value;
                    break;
            }
        }

        return [.. packages.Select(p => p.Package with
        {
            DependsOn = [.. p.Dependencies.Select(d => descriptors.TryGetValue($"{d.Name}@{d.Range}", out var id) ? id : (PackageId?)null).OfType<PackageId>().Distinct()],
        })];
    }

    /// <summary>Every comma-separated spec of an entry header, unquoted (<c>"a@^1", "a@^1.2"</c> → <c>a@^1</c>, <c>a@^1.2</c>).</summary>
    private static IEnumerable<string> Specs(string header) =>
        header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(spec => spec.Length >= 2 && spec[0] == '"' && spec[^1] == '"' ? spec[1..^1] : spec);

    /// <summary>The first of the comma-separated specs of an entry header, unquoted.</summary>
    private static string FirstSpec(string header)
    {
        var comma = header.IndexOf(", ", StringComparison.Ordinal);
        var first = (comma < 0 ? header : header[..comma]).Trim();
        return first.Length >= 2 && first[0] == '"' && first[^1] == '"' ? first[1..^1] : first;
    }

    /// <summary>The package name of a spec or resolution: <c>@s/n@^1</c> → <c>@s/n</c>; <c>a@npm:@s/b@^1</c> → <c>@s/b</c>.</summary>
    internal static string NameOf(string spec)
    {
        var at = spec.IndexOf('@', 1);
        if (at < 0)
        {
            return spec;
        }

        var rest = spec[(at + 1)..];
        if (rest.StartsWith("npm:", StringComparison.Ordinal) && rest.Length > 4)
        {
            var target = rest[4..];
            var targetAt = target.IndexOf('@', 1);
            if (targetAt > 0 && !char.IsAsciiDigit(target[0]) && target[0] is not '^' and not '~')
            {
                return target[..targetAt];
            }
        }

        return spec[..at];
    }

    /// <summary><c>version "1.0.0"</c> or <c>"version" "1.0.0"</c> → (version, 1.0.0).</summary>
    private static (string Field, string Value) SplitField(string text)
    {
        string field;
        string rest;
        if (text[0] == '"')
        {
            var close = text.IndexOf('"', 1);
            if (close < 0)
            {
                return ("", "");
            }

            field = text[1..close];
            rest = text[(close + 1)..];
        }
        else
        {
            var space = text.IndexOf(' ', StringComparison.Ordinal);
            field = space < 0 ? text.TrimEnd(':') : text[..space];
            rest = space < 0 ? "" : text[space..];
        }

        rest = rest.Trim();
        if (rest.Length >= 2 && rest[0] == '"' && rest[^1] == '"')
        {
            rest = rest[1..^1];
        }

        return (field, rest);
    }

    private static string Shorten(string line) => line.Length <= 60 ? line : line[..60] + "…";
}
