namespace Shipgate.Dependencies.Sbom;

/// <summary>The SBOM formats <c>shipgate sbom</c> writes.</summary>
public enum SbomFormat
{
    /// <summary>CycloneDX 1.6 JSON.</summary>
    CycloneDx,

    /// <summary>SPDX 2.3 JSON.</summary>
    Spdx,
}

/// <summary>
/// What an SBOM says about itself: the subject (the scanned project's name), when and by which tool it was made, and
/// its unique id. Injected, so golden tests are deterministic.
/// </summary>
public sealed record SbomDocumentInfo(string Subject, DateTimeOffset Created, Guid SerialNumber, string ToolName, string ToolVersion);

/// <summary>
/// The packages of an inventory as SBOM components: one per package URL (the same package pinned by two lockfiles is
/// one component), sorted by purl, with the dependency edges the lockfiles record resolved to component references.
/// Shared by both writers so CycloneDX and SPDX describe the same graph. Immutable.
/// </summary>
public sealed class SbomGraph
{
    private SbomGraph(IReadOnlyList<SbomComponent> components, IReadOnlyList<string> direct, bool hasGraph)
    {
        Components = components;
        Direct = direct;
        HasGraph = hasGraph;
    }

    public IReadOnlyList<SbomComponent> Components { get; }

    /// <summary>
    /// References of the components the project itself depends on: those a lockfile calls direct, plus every component no
    /// other component depends on (so nothing dangles when a lockfile records no graph or no directness).
    /// </summary>
    public IReadOnlyList<string> Direct { get; }

    /// <summary>Whether any lockfile recorded dependency edges.</summary>
    public bool HasGraph { get; }

    public static SbomGraph Build(IEnumerable<Package> packages)
    {
        ArgumentNullException.ThrowIfNull(packages);
        var list = packages.ToList();
        var byPurl = new SortedDictionary<string, SbomComponent>(StringComparer.Ordinal);
        foreach (var package in list)
        {
            var purl = package.Purl;
            if (byPurl.TryGetValue(purl, out var existing))
            {
                byPurl[purl] = existing.Merge(package);
            }
            else
            {
                byPurl[purl] = SbomComponent.From(package);
            }
        }

        var hasGraph = false;
        foreach (var group in list.GroupBy(p => p.SourcePath, StringComparer.Ordinal))
        {
            var ids = group.GroupBy(p => p.Id).ToDictionary(g => g.Key, g => g.First().Purl);
            foreach (var package in group)
            {
                if (package.DependsOn is not { } edges)
                {
                    continue;
                }

                hasGraph = true;
                var component = byPurl[package.Purl];
                foreach (var edge in edges)
                {
                    if (ids.TryGetValue(edge, out var target) && target != package.Purl)
                    {
                        component.DependsOn.Add(target);
                    }
                }
            }
        }

        var referenced = byPurl.Values.SelectMany(c => c.DependsOn).ToHashSet(StringComparer.Ordinal);
        var direct = byPurl.Values.Where(c => c.Direct == true || !referenced.Contains(c.Reference)).Select(c => c.Reference).ToList();
        return new SbomGraph([.. byPurl.Values], direct, hasGraph);
    }
}

/// <summary>One component of <see cref="SbomGraph"/>. Built once; its edge set is filled while the graph is built.</summary>
public sealed class SbomComponent
{
    private SbomComponent(Package package)
    {
        Package = package;
    }

    /// <summary>The first package seen for this purl (name, version, ecosystem).</summary>
    public Package Package { get; }

    /// <summary>The component reference: its purl.</summary>
    public string Reference => Package.Purl;

    public SortedSet<PackageHash> Hashes { get; } = new(Comparer<PackageHash>.Create((a, b) =>
        string.CompareOrdinal(a.Algorithm + ":" + a.Hex, b.Algorithm + ":" + b.Hex)));

    public SortedSet<string> DependsOn { get; } = new(StringComparer.Ordinal);

    public SortedSet<string> Sources { get; } = new(StringComparer.Ordinal);

    /// <summary>True when any lockfile says it is direct; false when all that say call it transitive; null when none says.</summary>
    public bool? Direct { get; private set; }

    /// <summary>True only when every lockfile that lists it marks it development-only.</summary>
    public bool DevOnly { get; private set; }

    public bool OptionalOnly { get; private set; }

    /// <summary>Where the package is downloaded from, when a lockfile says (an http(s) URL).</summary>
    public string? DownloadLocation { get; private set; }

    internal static SbomComponent From(Package package)
    {
        var component = new SbomComponent(package)
        {
            Direct = package.Direct,
            DevOnly = package.Dev == true,
            OptionalOnly = package.Optional,
        };
        component.Add(package);
        return component;
    }

    internal SbomComponent Merge(Package package)
    {
        Direct = (Direct, package.Direct) switch
        {
            (true, _) or (_, true) => true,
            (null, var other) => other,
            (var mine, null) => mine,
            _ => false,
        };
        DevOnly &= package.Dev == true;
        OptionalOnly &= package.Optional;
        Add(package);
        return this;
    }

    private void Add(Package package)
    {
        Sources.Add(package.SourcePath);
        foreach (var hash in package.Hashes)
        {
            Hashes.Add(hash);
        }

        if (DownloadLocation is null && package.Resolved is { } resolved
            && Uri.TryCreate(resolved, UriKind.Absolute, out var url) && url.Scheme is "https" or "http")
        {
            DownloadLocation = resolved;
        }
    }
}
