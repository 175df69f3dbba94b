using Shipgate.Dependencies.Versions;

namespace Shipgate.Dependencies.Osv;

/// <summary>
/// The version ordering of each OSV ecosystem, by its OSV name (suffixes such as <c>Debian:12</c> are ignored).
/// <see langword="null"/> means no ordering is known: ECOSYSTEM ranges of such a record cannot be evaluated and the
/// matcher compares only the record's explicit <c>versions</c> list, and says so. Stateless; thread-safe.
/// </summary>
public static class OsvComparers
{
    private static readonly SemverComparer Semver = new(Ecosystem.Npm);
    private static readonly Dictionary<string, IVersionComparer> ByEcosystem = new(StringComparer.Ordinal)
    {
        ["npm"] = new SemverComparer(Ecosystem.Npm),
        ["crates.io"] = new SemverComparer(Ecosystem.CratesIo),
        ["Hex"] = new SemverComparer(Ecosystem.Hex),
        ["SwiftURL"] = new SemverComparer(Ecosystem.SwiftUrl),
        ["NuGet"] = SemverComparer.ForNuGet(),
        ["PyPI"] = new Pep440Comparer(),
    };

    /// <summary>The comparer for SEMVER-typed ranges, whatever the ecosystem.</summary>
    public static IVersionComparer SemverRanges => Semver;

    public static IVersionComparer? For(string ecosystem) =>
        ByEcosystem.TryGetValue(OsvNames.BaseEcosystem(ecosystem), out var comparer) ? comparer : null;
}
