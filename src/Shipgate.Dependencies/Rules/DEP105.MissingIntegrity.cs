using Shipgate.Core;

namespace Shipgate.Dependencies.Rules;

/// <summary>
/// A downloaded package for which a lockfile that records digests records none: npm, yarn classic and pnpm entries
/// resolved from a registry tarball, Pipfile.lock entries, and Cargo.lock registry crates.
/// </summary>
internal sealed class MissingIntegrity : DependencyRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "DEP105", "missing-integrity", "Locked package has no integrity hash",
        Severity.Medium, Confidence.High,
        ["lockfile-lint:validate-integrity"],
        "The lockfile pins a package downloaded from a registry but records no digest for it (npm 'integrity', pnpm 'resolution.integrity', Pipfile.lock 'hashes', Cargo.lock 'checksum'). Without the digest the package manager installs whatever the registry or a mirror serves for that name and version, so a replaced or tampered artifact is not noticed; with it, any change fails the install.",
        "Regenerate the lockfile with a current package manager so it records digests (npm install with npm 7 or later, pipenv lock, cargo update -p NAME), and do not strip the integrity fields when editing lockfiles.",
        tags: ["supply-chain"]);

    public override IEnumerable<Finding> Analyze(DependencyDocument document, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(document);
        var format = document.Format?.Name;
        if (format is null || (format == "Cargo.lock" && HasLegacyCargoChecksums(document)))
        {
            yield break;
        }

        foreach (var package in document.Packages)
        {
            if (package.Hashes.Count > 0 || !ExpectsDigest(format, package))
            {
                continue;
            }

            yield return Report(context, document, package,
                $"'{package.Name}@{package.Version}' is downloaded from a registry but the lockfile records no digest for it.", "no-integrity");
        }
    }

    private static bool ExpectsDigest(string format, Package package) => format switch
    {
        "package-lock.json" or "yarn.lock" or "pnpm-lock.yaml" =>
            Registries.HttpUrl(package.Resolved) is { } url && url.AbsolutePath.EndsWith(".tgz", StringComparison.OrdinalIgnoreCase),
        "Pipfile.lock" => package.Version.Length > 0,
        "Cargo.lock" => package.Resolved is { } source && (source.StartsWith("registry+", StringComparison.Ordinal) || source.StartsWith("sparse+", StringComparison.Ordinal)),
        _ => false,
    };

    /// <summary>Version 1 Cargo.lock files keep checksums in a <c>[metadata]</c> table instead of on each package.</summary>
    private static bool HasLegacyCargoChecksums(DependencyDocument document) =>
        document.Text.Contains("\n[metadata]", StringComparison.Ordinal) && document.Text.Contains("\"checksum ", StringComparison.Ordinal);
}
