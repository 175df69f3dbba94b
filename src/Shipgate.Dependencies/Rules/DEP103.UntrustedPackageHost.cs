using Shipgate.Core;

namespace Shipgate.Dependencies.Rules;

/// <summary>A package resolved from a host that is not one of the allowed registries.</summary>
internal sealed class UntrustedPackageHost : DependencyRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "DEP103", "untrusted-package-host", "Package is resolved from a host outside the allowed registries",
        Severity.Medium, Confidence.High,
        ["lockfile-lint:validate-host"],
        "The lockfile resolves a package from a host that is not an allowed registry. A lockfile edited in a pull request can point any package at an attacker's server while the diff looks like routine churn; a mirror nobody approved can serve modified packages. By default the allowed hosts are each ecosystem's public registry (registry.npmjs.org and registry.yarnpkg.com for npm, crates.io's index for Cargo); the 'allowed-hosts' option replaces that list.",
        "Resolve the package from an approved registry and regenerate the lockfile, or, when the host is your own trusted mirror, add it to 'allowed-hosts' for DEP103 in .shipgate.yml.",
        tags: ["supply-chain"]);

    public override IEnumerable<Finding> Analyze(DependencyDocument document, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(context);
        var configured = context.ListOption(this, "allowed-hosts");
        foreach (var package in document.Packages)
        {
            if (Registries.HttpUrl(package.Resolved) is not { } url || Registries.IsLoopback(url))
            {
                continue;
            }

            var allowed = configured.Count > 0 ? configured : Registries.PublicHosts(package.Ecosystem);
            if (allowed.Count > 0 && !Registries.HostMatches(url.Host, allowed))
            {
                yield return Report(context, document, package,
                    $"'{package.Name}' is resolved from '{url.Host}', which is not an allowed registry ({string.Join(", ", allowed.Take(4))}).", url.Host);
            }
        }
    }
}
