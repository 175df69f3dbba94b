namespace Shipgate.Dependencies.Versions;

/// <summary>
/// The one place that knows which version ordering each ecosystem uses. Comparers are stateless, so one instance per
/// ecosystem is shared. Thread-safe.
/// </summary>
public static class VersionComparers
{
    private static readonly SemverComparer Npm = new(Ecosystem.Npm);
    private static readonly SemverComparer Crates = new(Ecosystem.CratesIo);
    private static readonly SemverComparer Go = new(Ecosystem.Go);
    private static readonly SemverComparer Hex = new(Ecosystem.Hex);
    private static readonly SemverComparer Swift = new(Ecosystem.SwiftUrl);
    private static readonly SemverComparer Conan = new(Ecosystem.ConanCenter);
    private static readonly SemverComparer NuGet = SemverComparer.ForNuGet();
    private static readonly Pep440Comparer PyPI = new();
    private static readonly MavenComparer Maven = new();
    private static readonly RubyGemsComparer RubyGems = new();
    private static readonly RubyGemsComparer CocoaPods = new(Ecosystem.CocoaPods);
    private static readonly PackagistComparer Packagist = new();
    private static readonly PubComparer Pub = new();
    private static readonly NumericSegmentsComparer Cran = NumericSegmentsComparer.ForCran();
    private static readonly NumericSegmentsComparer Hackage = NumericSegmentsComparer.ForHackage();
    private static readonly DpkgComparer Debian = new(Ecosystem.Debian);
    private static readonly DpkgComparer Ubuntu = new(Ecosystem.Ubuntu);
    private static readonly ApkComparer Alpine = new();
    private static readonly System.Collections.Frozen.FrozenDictionary<string, Ecosystem> ByOsvName =
        System.Collections.Frozen.FrozenDictionary.ToFrozenDictionary(Enum.GetValues<Ecosystem>(), e => e.OsvName(), StringComparer.Ordinal);

    /// <summary>The ordering of <paramref name="ecosystem"/>.</summary>
    public static IVersionComparer For(Ecosystem ecosystem) => ecosystem switch
    {
        Ecosystem.Npm => Npm,
        Ecosystem.PyPI => PyPI,
        Ecosystem.CratesIo => Crates,
        Ecosystem.Go => Go,
        Ecosystem.RubyGems => RubyGems,
        Ecosystem.Packagist => Packagist,
        Ecosystem.NuGet => NuGet,
        Ecosystem.Maven => Maven,
        Ecosystem.Pub => Pub,
        Ecosystem.Hex => Hex,
        Ecosystem.Cran => Cran,
        Ecosystem.SwiftUrl => Swift,
        Ecosystem.CocoaPods => CocoaPods,
        Ecosystem.ConanCenter => Conan,
        Ecosystem.Hackage => Hackage,
        Ecosystem.Debian => Debian,
        Ecosystem.Ubuntu => Ubuntu,
        Ecosystem.Alpine => Alpine,
        _ => throw new ArgumentOutOfRangeException(nameof(ecosystem), ecosystem, null),
    };

    /// <summary>
    /// The ordering for an OSV ecosystem name, release suffixes included (<c>Debian:12</c>, <c>Alpine:v3.19</c>,
    /// <c>Ubuntu:22.04:LTS</c>), or null for an ecosystem without a known ordering. Case-sensitive, as OSV names are.
    /// </summary>
    public static IVersionComparer? For(string osvEcosystem)
    {
        ArgumentNullException.ThrowIfNull(osvEcosystem);
        var colon = osvEcosystem.IndexOf(':', StringComparison.Ordinal);
        var name = colon < 0 ? osvEcosystem : osvEcosystem[..colon];
        return ByOsvName.TryGetValue(name, out var ecosystem) ? For(ecosystem) : null;
    }
}
