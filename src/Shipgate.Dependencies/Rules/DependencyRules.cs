namespace Shipgate.Dependencies.Rules;

/// <summary>
/// The explicit list of dependency rules, the only place a DEP rule is turned on. Vulnerability rules take DEP001–DEP099,
/// supply-chain rules DEP100 and up. <see cref="Create"/> returns a fresh list; nothing here is static or mutable.
/// </summary>
public static class DependencyRules
{
    public static IReadOnlyList<DependencyRule> Create() =>
    [
        new KnownVulnerability(),
        new MaliciousPackage(),
        new MissingLockfile(),
        new UnpinnedRequirement(),
        new InsecureResolvedUrl(),
        new UntrustedPackageHost(),
        new PackageNameMismatch(),
        new MissingIntegrity(),
        new Typosquatting(),
        new DependencyConfusion(),
        new InstallScript(),
    ];
}
