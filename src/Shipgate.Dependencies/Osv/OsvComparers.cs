using Shipgate.Dependencies.Versions;

namespace Shipgate.Dependencies.Osv;

/// <summary>
/// The version ordering the matcher uses for each OSV ecosystem (see <see cref="VersionComparers.For(string)"/>;
/// suffixes such as <c>Debian:12</c> are ignored). <see langword="null"/> means no ordering is known: ECOSYSTEM ranges
/// of such a record cannot be evaluated and the matcher compares only the record's explicit <c>versions</c> list, and
/// says so. Stateless; thread-safe.
/// </summary>
public static class OsvComparers
{
    private static readonly SemverComparer Semver = new(Ecosystem.Npm);

    /// <summary>The comparer for SEMVER-typed ranges, whatever the ecosystem.</summary>
    public static IVersionComparer SemverRanges => Semver;

    public static IVersionComparer? For(string ecosystem) => VersionComparers.For(ecosystem);
}
