using Shipgate.Dependencies.Toml;

namespace Shipgate.Dependencies.Lockfiles;

/// <summary>
/// What the TOML Python lockfiles (poetry.lock, uv.lock, pdm.lock, pylock.toml) share: an array of package tables, each
/// with a <c>name</c> and <c>version</c> (tables without both are skipped), and dependency edges that name other
/// packages of the same file by name, resolved after all tables are read. A name locked at several versions (per
/// platform markers) links to each of them, unless the edge pins one (uv does). Subclasses say which array holds the packages, which tables to leave out,
/// what to record per package and how a table names its dependencies. Stateless; thread-safe.
/// </summary>
public abstract class PythonTomlLockParser : ILockfileParser
{
    public abstract string Format { get; }

    /// <summary>The array of tables holding the packages (<c>package</c>, or <c>packages</c> in pylock.toml).</summary>
    protected virtual string PackagesKey => "package";

    public IReadOnlyList<Package> Parse(string content, string path)
    {
        var document = TomlParser.Parse(content);
        var entries = new List<(TomlTable Table, Package Package)>();
        var roots = new List<TomlTable>();
        foreach (var table in document.GetTables(PackagesKey))
        {
            if (table.GetString("name") is not { } name || table.GetString("version") is not { } version)
            {
                continue;
            }

            if (IsProject(table))
            {
                roots.Add(table);
                continue;
            }

            entries.Add((table, Describe(table, new Package(name, version, Ecosystem.PyPI, path, table.Line))));
        }

        var versions = entries.GroupBy(e => PackageUrl.NormalizePythonName(e.Package.Name), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Package.Id).ToList(), StringComparer.Ordinal);
        List<PackageId> Resolve(IEnumerable<(string Name, string? Version)> dependencies) =>
        [
            .. dependencies
                .SelectMany(d => (versions.GetValueOrDefault(PackageUrl.NormalizePythonName(d.Name)) ?? [])
                    .Where(id => d.Version is null || id.Version == d.Version))
                .Distinct(),
        ];

        var direct = Resolve(roots.SelectMany(DirectDependencies)).ToHashSet();
        return
        [
            .. entries.Select(e => e.Package with
            {
                DependsOn = HasGraph ? Resolve(Dependencies(e.Table)) : null,
                Direct = direct.Count == 0 ? e.Package.Direct : direct.Contains(e.Package.Id),
            }),
        ];
    }

    /// <summary>Whether the format records dependency edges (pylock.toml does not).</summary>
    protected virtual bool HasGraph => true;

    /// <summary>Whether the table is the project itself rather than a dependency (uv's virtual or editable root).</summary>
    protected virtual bool IsProject(TomlTable table) => false;

    /// <summary>The package with what the format says beyond name and version (dev, optional, hashes).</summary>
    protected virtual Package Describe(TomlTable table, Package package) => package;

    /// <summary>The names (and versions, where the format pins them) the package depends on.</summary>
    protected virtual IEnumerable<(string Name, string? Version)> Dependencies(TomlTable table) => [];

    /// <summary>What a project table (<see cref="IsProject"/>) depends on directly.</summary>
    protected virtual IEnumerable<(string Name, string? Version)> DirectDependencies(TomlTable project) => Dependencies(project);

    /// <summary>The strings of an array, or empty when it is missing.</summary>
    protected static List<string> Strings(TomlArray? array) => array?.Items.OfType<TomlString>().Select(s => s.Value).ToList() ?? [];

    /// <summary>The distribution name at the start of a PEP 508 requirement (<c>urllib3[socks]&lt;3,&gt;=1.21; python_version…</c>).</summary>
    protected static string RequirementName(string requirement)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        var text = requirement.TrimStart();
        var end = 0;
        while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] is '-' or '_' or '.'))
        {
            end++;
        }

        return text[..end];
    }
}

/// <summary>
/// Poetry's <c>poetry.lock</c>: <c>[[package]]</c> tables with name, version, optional and category/groups; the
/// <c>[package.dependencies]</c> table of each names what it depends on (with a constraint, not a pinned version).
/// </summary>
public sealed class PoetryLockParser : PythonTomlLockParser
{
    public override string Format => "poetry.lock";

    protected override Package Describe(TomlTable table, Package package)
    {
        var groups = table["groups"] is TomlArray array ? Strings(array) : null;
        var category = table.GetString("category");
        return package with
        {
            Dev = category is not null ? category == "dev" : groups is { Count: > 0 } ? !groups.Contains("main") : null,
            Optional = table["optional"] is TomlBoolean { Value: true },
        };
    }

    protected override IEnumerable<(string Name, string? Version)> Dependencies(TomlTable table) =>
        table.GetTable("dependencies")?.Keys.Select(name => (name, (string?)null)) ?? [];
}

/// <summary>
/// uv's <c>uv.lock</c>. The project itself (a <c>virtual</c> or <c>editable</c> source) is not a dependency; what it
/// lists (<c>dependencies</c>, <c>optional-dependencies</c>, <c>dev-dependencies</c>) is direct, everything else
/// transitive. Each package's <c>dependencies</c> (and its extras') are inline tables <c>{ name, version?, marker? }</c>.
/// </summary>
public sealed class UvLockParser : PythonTomlLockParser
{
    public override string Format => "uv.lock";

    protected override bool IsProject(TomlTable table) =>
        table.GetTable("source") is { } source && (source["virtual"] is not null || source["editable"] is not null);

    protected override IEnumerable<(string Name, string? Version)> Dependencies(TomlTable table) =>
        Edges(table.GetArray("dependencies")).Concat(Grouped(table.GetTable("optional-dependencies")));

    protected override IEnumerable<(string Name, string? Version)> DirectDependencies(TomlTable project) =>
        Dependencies(project).Concat(Grouped(project.GetTable("dev-dependencies")));

    private static IEnumerable<(string Name, string? Version)> Grouped(TomlTable? groups) =>
        groups?.Entries.SelectMany(group => Edges(group.Value as TomlArray)) ?? [];

    private static IEnumerable<(string Name, string? Version)> Edges(TomlArray? array) =>
        array?.Items.OfType<TomlTable>().Where(t => t.GetString("name") is not null).Select(t => (t.GetString("name")!, t.GetString("version"))) ?? [];
}

/// <summary>
/// PDM's <c>pdm.lock</c>: <c>[[package]]</c> tables whose <c>groups</c> say default, dev or an optional group, and whose
/// <c>dependencies</c> are PEP 508 requirement strings.
/// </summary>
public sealed class PdmLockParser : PythonTomlLockParser
{
    public override string Format => "pdm.lock";

    protected override Package Describe(TomlTable table, Package package)
    {
        var groups = Strings(table.GetArray("groups"));
        var isDefault = groups.Count == 0 || groups.Contains("default");
        var isDev = !isDefault && groups.Contains("dev");
        return package with { Dev = isDev, Optional = !isDefault && !isDev };
    }

    protected override IEnumerable<(string Name, string? Version)> Dependencies(TomlTable table) =>
        Strings(table.GetArray("dependencies")).Select(RequirementName).Where(n => n.Length > 0).Select(n => (n, (string?)null));
}

/// <summary>
/// PEP 751 <c>pylock.toml</c>: <c>[[packages]]</c> entries. A package without a version (a local directory) names
/// the project itself or a path checkout and is left out. The format records no dependency graph.
/// </summary>
public sealed class PylockParser : PythonTomlLockParser
{
    public override string Format => "pylock.toml";

    protected override string PackagesKey => "packages";

    protected override bool HasGraph => false;
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
