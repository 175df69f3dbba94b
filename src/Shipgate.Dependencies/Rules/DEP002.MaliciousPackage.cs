using Shipgate.Core;
using Shipgate.Dependencies.Osv;

namespace Shipgate.Dependencies.Rules;

/// <summary>A pinned package version that the OpenSSF malicious-packages feed (OSV <c>MAL-</c> records) reports as malware. Always critical.</summary>
internal sealed class MaliciousPackage : VulnerabilityRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "DEP002", "malicious-package", "Dependency version is a known malicious package",
        Severity.Critical, Confidence.High,
        ["osv-scanner:malicious-package", "socket:malware"],
        "A package version pinned by a lockfile is listed in the OpenSSF malicious-packages feed (OSV records with MAL- ids): typosquats, dependency-confusion uploads and hijacked releases that steal credentials, open reverse shells or mine cryptocurrency at install or run time. Such a package is critical whatever else the advisory says: installing it once, on a laptop or a CI runner, may already have leaked secrets.",
        "Remove the package (or pin a clean version if the advisory lists only some versions), regenerate the lockfile, and treat every machine and CI runner that installed it as compromised: rotate the credentials it could reach and review what it ran.",
        tags: ["security", "malware", "supply-chain", "cwe-506"]);

    public override IEnumerable<Finding> Analyze(DependencyDocument document, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(context);
        foreach (var match in document.Vulnerabilities)
        {
            if (match.IsMalicious)
            {
                var severity = new AdvisorySeverity(Severity.Critical, null, "malicious package", Unscored: false);
                yield return ReportMatch(context, document, match, severity, "is a known malicious package:");
            }
        }
    }
}
