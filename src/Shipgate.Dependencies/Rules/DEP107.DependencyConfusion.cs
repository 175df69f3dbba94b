using Shipgate.Core;

namespace Shipgate.Dependencies.Rules;

/// <summary>
/// A package whose name marks it as internal (a configured npm scope or name prefix) but which the lockfile resolves
/// from a public registry.
/// </summary>
internal sealed class DependencyConfusion : DependencyRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "DEP107", "dependency-confusion", "Internal package is resolved from a public registry",
        Severity.High, Confidence.High,
        ["snyk:dependency-confusion"],
        "A package named like one of your internal packages (a configured 'internal-scopes' scope such as @acme, or an 'internal-prefixes' prefix such as acme-) is resolved from a public registry. That is how dependency confusion works: someone publishes a package with your internal name and a higher version on the public registry, and a package manager that consults both picks theirs. The rule does nothing until the internal scopes or prefixes are configured.",
        "Bind the scope to the internal registry (npm: '@acme:registry=https://npm.acme.internal' in .npmrc; pip: a single --index-url to a proxy that serves internal names only from the internal index), register the names on the public registry as placeholders, then regenerate the lockfile.",
        tags: ["supply-chain"]);

    public override IEnumerable<Finding> Analyze(DependencyDocument document, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(context);
        var scopes = context.ListOption(this, "internal-scopes").Select(s => s.Trim().TrimEnd('/').ToLowerInvariant()).Where(s => s.Length > 0).ToList();
        var prefixes = context.ListOption(this, "internal-prefixes").Select(p => p.Trim().ToLowerInvariant()).Where(p => p.Length > 0).ToList();
        if (scopes.Count == 0 && prefixes.Count == 0)
        {
            yield break;
        }

        foreach (var package in document.Packages)
        {
            var name = package.Name.ToLowerInvariant();
            var scope = scopes.FirstOrDefault(s => name.StartsWith((s.StartsWith('@') ? s : "@" + s) + "/", StringComparison.Ordinal));
            var prefix = scope is null ? prefixes.FirstOrDefault(p => name.StartsWith(p, StringComparison.Ordinal)) : null;
            if ((scope ?? prefix) is not { } marker
                || Registries.HttpUrl(package.Resolved) is not { } url
                || !Registries.HostMatches(url.Host, Registries.PublicHosts(package.Ecosystem)))
            {
                continue;
            }

            yield return Report(context, document, package,
                $"'{package.Name}' matches the internal {(scope is not null ? "scope" : "prefix")} '{marker}' but is resolved from the public registry '{url.Host}'.", marker);
        }
    }
}
