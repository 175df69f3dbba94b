using System.Globalization;
using Shipgate.Containers.Images;
using Shipgate.Containers.Images.Packages;
using Shipgate.Core;
using Shipgate.Dependencies;
using Shipgate.Dependencies.Osv;
using Shipgate.Dependencies.Rules;

namespace Shipgate.Cli.Commands;

/// <summary>
/// The adapter between the containers domain's <see cref="IImageVulnerabilityMatcher"/> and the dependencies
/// domain's OSV matching, living in the composition root so neither domain references the other. OS packages are
/// looked up by their source package and source version (Debian, Ubuntu and Alpine advisories name source packages)
/// in the release's ecosystem (<c>Debian:12</c>, <c>Ubuntu:22.04:LTS</c>, <c>Alpine:v3.19</c>) and ordered by dpkg or
/// apk-tools; language packages in their ecosystem. Packages of ecosystems without a known version ordering (rpm
/// distributions, Wolfi) are not looked up; <see cref="Unmatched"/> says which. Thread-safe.
/// </summary>
internal sealed class OsvImageMatcher(IAdvisorySource source) : IImageVulnerabilityMatcher
{
    public async ValueTask<IReadOnlyList<ImageVulnerability>> MatchAsync(IReadOnlyList<ImagePackage> packages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(packages);
        var byQuery = new Dictionary<(Ecosystem, string?, string, string), List<ImagePackage>>();
        var queries = new List<Package>();
        foreach (var image in packages)
        {
            if (ToQuery(image) is not { } query)
            {
                continue;
            }

            var key = (query.Ecosystem, query.EcosystemRelease, query.Name, query.Version);
            if (!byQuery.TryGetValue(key, out var installed))
            {
                byQuery[key] = installed = [];
                queries.Add(query);
            }

            installed.Add(image);
        }

        if (queries.Count == 0)
        {
            return [];
        }

        var matches = await VulnerabilityRule.MatchAsync(source, queries, cancellationToken).ConfigureAwait(false);
        var vulnerabilities = new List<ImageVulnerability>();
        foreach (var match in matches)
        {
            var query = match.Package;
            var severity = AdvisorySeverity.Of(match, Severity.Medium);
            foreach (var image in byQuery[(query.Ecosystem, query.EcosystemRelease, query.Name, query.Version)])
            {
                vulnerabilities.Add(new ImageVulnerability(image, match.Id, match.Aliases, severity.Unscored ? null : severity.Level, severity.Basis, match.Summary, match.FixedVersion)
                {
                    Score = severity.Score,
                    Caveat = match.Caveat,
                });
            }
        }

        return vulnerabilities;
    }

    /// <summary>
    /// One line per ecosystem whose packages could not be looked up, with the count (e.g. rpm packages: no rpm version
    /// ordering yet), for the scan's <c>skipped</c> list.
    /// </summary>
    public static IReadOnlyList<string> Unmatched(IReadOnlyList<ImagePackage> packages)
    {
        ArgumentNullException.ThrowIfNull(packages);
        return [.. packages
            .Where(p => p.Version.Length > 0 && ToQuery(p) is null)
            .GroupBy(p => (p.Type, p.Ecosystem))
            .OrderBy(g => g.Key.Type, StringComparer.Ordinal).ThenBy(g => g.Key.Ecosystem, StringComparer.Ordinal)
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Count()} {g.Key.Type} packages ({g.Key.Ecosystem ?? "no OSV ecosystem"}) were not checked for known vulnerabilities: {Reason(g.Key.Type, g.Key.Ecosystem)}"))];
    }

    /// <summary>The OSV query for an image package, or null when its ecosystem cannot be matched.</summary>
    internal static Package? ToQuery(ImagePackage package)
    {
        if (package.Ecosystem is not { Length: > 0 } osv || package.Version.Length == 0)
        {
            return null;
        }

        var colon = osv.IndexOf(':', StringComparison.Ordinal);
        var baseName = colon < 0 ? osv : osv[..colon];
        var ecosystem = Enum.GetValues<Ecosystem>().Where(e => e.OsvName() == baseName).Select(e => (Ecosystem?)e).FirstOrDefault();
        if (ecosystem is not { } known)
        {
            return null;
        }

        var isDistribution = known is Ecosystem.Debian or Ecosystem.Ubuntu or Ecosystem.Alpine;
        if (isDistribution != package.IsOsPackage || (isDistribution && colon < 0))
        {
            return null;
        }

        var name = isDistribution ? package.SourceName ?? package.Name : package.Name;
        var version = isDistribution ? package.SourceVersion ?? package.Version : package.Version;
        return new Package(name, version, known, package.Location, null) { EcosystemRelease = colon < 0 ? null : osv[(colon + 1)..] };
    }

    private static string Reason(string type, string? ecosystem) =>
        ecosystem is null ? "the distribution is not one the OSV database covers"
        : type == "rpm" ? "Shipgate has no rpm version ordering yet"
        : $"Shipgate has no {ecosystem} version ordering yet";
}
