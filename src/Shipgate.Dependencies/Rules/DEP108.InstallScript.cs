using Shipgate.Core;

namespace Shipgate.Dependencies.Rules;

/// <summary>An npm package that runs a script when installed (<c>hasInstallScript</c>, pnpm <c>requiresBuild</c>).</summary>
internal sealed class InstallScript : DependencyRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "DEP108", "install-script", "Package runs an install script",
        Severity.Info, Confidence.High,
        ["socket:installScripts"],
        "The lockfile marks a package as running a preinstall, install or postinstall script. Such scripts run with the permissions of whoever installs — a developer laptop or a CI job holding deployment secrets — before any of the package's code is reviewed; most malicious npm packages do their work there. Many legitimate packages (native modules, esbuild) need them, so this is an inventory, not an alarm.",
        "Review which packages need their scripts; install with 'npm ci --ignore-scripts' (or pnpm's onlyBuiltDependencies / yarn's enableScripts: false) and allow scripts only for the packages that need them.",
        tags: ["supply-chain"]);

    public override IEnumerable<Finding> Analyze(DependencyDocument document, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(document);
        foreach (var package in document.Packages)
        {
            if (package.HasInstallScript)
            {
                yield return Report(context, document, package,
                    $"'{package.Name}@{package.Version}' runs a script when it is installed.", "install-script");
            }
        }
    }
}
