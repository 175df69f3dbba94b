using Shipgate.Core;

namespace Shipgate.Dependencies.Rules;

/// <summary>An npm package whose registry tarball URL names a different package.</summary>
internal sealed class PackageNameMismatch : DependencyRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "DEP104", "package-name-mismatch", "Package name does not match its tarball URL",
        Severity.High, Confidence.High,
        ["lockfile-lint:validate-package-names"],
        "An npm lockfile entry installs a package under one name but downloads the tarball of another ('node_modules/lodash' resolved to '…/evil-pkg/-/evil-pkg-1.0.0.tgz'). npm trusts the lockfile's URL, so a lockfile edited in a pull request can swap any dependency for another package while the name in the diff and in 'npm ls' stays familiar (lockfile injection).",
        "Delete the entry and let the package manager resolve it again (npm install, yarn, pnpm install), review where the lockfile change came from, and check the resolved URL of every entry in the diff.",
        tags: ["supply-chain"]);

    public override IEnumerable<Finding> Analyze(DependencyDocument document, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(document);
        foreach (var package in document.Packages)
        {
            if (package.Ecosystem != Ecosystem.Npm || Registries.HttpUrl(package.Resolved) is not { } url)
            {
                continue;
            }

            if (TarballPackage(url) is { } fromUrl && !string.Equals(fromUrl, package.Name, StringComparison.Ordinal))
            {
                yield return Report(context, document, package,
                    $"'{package.Name}' is installed from the tarball of '{fromUrl}' ({Clip(url.ToString())}).", fromUrl);
            }
        }
    }

    /// <summary>
    /// The package a registry tarball URL belongs to: <c>…/NAME/-/FILE.tgz</c> or <c>…/@SCOPE/NAME/-/FILE.tgz</c>
    /// (with <c>%2f</c> for the slash on some registries). Null when the URL is not in the registry layout.
    /// </summary>
    internal static string? TarballPackage(Uri url)
    {
        var path = Uri.UnescapeDataString(url.AbsolutePath);
        var marker = path.LastIndexOf("/-/", StringComparison.Ordinal);
        if (marker <= 0 || !path.EndsWith(".tgz", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var segments = path[..marker].Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0)
        {
            return null;
        }

        return segments.Length >= 2 && segments[^2].StartsWith('@') ? segments[^2] + "/" + segments[^1] : segments[^1];
    }
}
