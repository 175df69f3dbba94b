using System.Collections.Frozen;

namespace Shipgate.Dependencies.Rules;

/// <summary>
/// The bundled lists of popular package names (npm, PyPI, crates.io, RubyGems, NuGet, Go), compiled by hand and
/// embedded in the assembly (<c>Rules/Popular/*.txt</c>), normalised the way each registry compares names. Loaded once;
/// immutable; thread-safe.
/// </summary>
internal sealed class PopularPackages
{
    private static readonly Lazy<PopularPackages> Shared = new(Load);

    private readonly FrozenDictionary<Ecosystem, string[]> byEcosystem;
    private readonly FrozenDictionary<Ecosystem, FrozenSet<string>> sets;
    private readonly FrozenDictionary<Ecosystem, string[]> compact;

    private PopularPackages(Dictionary<Ecosystem, string[]> lists)
    {
        byEcosystem = lists.ToFrozenDictionary();
        sets = lists.ToFrozenDictionary(p => p.Key, p => p.Value.ToFrozenSet(StringComparer.Ordinal));
        compact = lists.ToFrozenDictionary(p => p.Key, p => p.Value.Select(WithoutSeparators).ToArray());
    }

    public static PopularPackages Instance => Shared.Value;

    /// <summary>The ecosystems that have a list, and the file each is read from.</summary>
    public static IReadOnlyDictionary<Ecosystem, string> Files { get; } = new Dictionary<Ecosystem, string>
    {
        [Ecosystem.Npm] = "npm",
        [Ecosystem.PyPI] = "pypi",
        [Ecosystem.CratesIo] = "crates",
        [Ecosystem.RubyGems] = "rubygems",
        [Ecosystem.NuGet] = "nuget",
        [Ecosystem.Go] = "go",
    };

    /// <summary>The normalised popular names of an ecosystem, most popular first; empty when there is no list.</summary>
    public IReadOnlyList<string> Names(Ecosystem ecosystem) => byEcosystem.GetValueOrDefault(ecosystem) ?? [];

    /// <summary><see cref="Names"/> without separators (<see cref="WithoutSeparators"/>), in the same order; computed once.</summary>
    public IReadOnlyList<string> CompactNames(Ecosystem ecosystem) => compact.GetValueOrDefault(ecosystem) ?? [];

    /// <summary>A name with <c>-</c>, <c>_</c> and <c>.</c> removed (<c>react-dom</c> → <c>reactdom</c>).</summary>
    public static string WithoutSeparators(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.AsSpan().IndexOfAny('-', '_', '.') < 0 ? name : string.Concat(name.Where(c => c is not ('-' or '_' or '.')));
    }

    public bool Contains(Ecosystem ecosystem, string normalisedName) =>
        sets.TryGetValue(ecosystem, out var set) && set.Contains(normalisedName);

    /// <summary>How the registry compares names: PEP 503 for PyPI, <c>_</c> = <c>-</c> on crates.io, case-sensitive Go module paths, case-insensitive elsewhere.</summary>
    public static string Normalise(Ecosystem ecosystem, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return ecosystem switch
        {
            Ecosystem.PyPI => PackageUrl.NormalizePythonName(name),
            Ecosystem.CratesIo => name.ToLowerInvariant().Replace('_', '-'),
            Ecosystem.Go => name,
            _ => name.ToLowerInvariant(),
        };
    }

    private static PopularPackages Load()
    {
        var lists = new Dictionary<Ecosystem, string[]>();
        foreach (var (ecosystem, file) in Files)
        {
            using var stream = typeof(PopularPackages).Assembly.GetManifestResourceStream($"Shipgate.Dependencies.Popular.{file}.txt")
                ?? throw new InvalidOperationException($"The popular-package list '{file}' is not embedded.");
            using var reader = new StreamReader(stream);
            var names = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (reader.ReadLine() is { } line)
            {
                var name = line.Trim();
                if (name.Length > 0 && name[0] != '#' && seen.Add(Normalise(ecosystem, name)))
                {
                    names.Add(Normalise(ecosystem, name));
                }
            }

            lists[ecosystem] = [.. names];
        }

        return new PopularPackages(lists);
    }
}
