using Shipgate.Containers.Dockerfiles;
using Shipgate.Core;

namespace Shipgate.Containers.Rules;

internal sealed class ZypperUnpinned : RpmInstallRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "DKR033", "zypper-unpinned", "zypper install without pinned versions",
        Severity.Low, Confidence.High,
        ["hadolint:DL3037"],
        "Packages installed without a version resolve to whatever the repository has at build time, so rebuilds are not reproducible.",
        "Pin versions: 'zypper install -y apache2=2.4.58' (or '>=', '<').",
        tags: ["reproducibility"]);

    public override IEnumerable<Finding> Analyze(Dockerfile document, RuleContext context)
    {
        foreach (var (run, command) in document.RunCommands())
        {
            if (!command.Is("zypper"))
            {
                continue;
            }

            var (verb, packages, _) = Parse(command, PackageCommands.ZypperOptionsWithValue);
            if (verb is not ("install" or "in"))
            {
                continue;
            }

            var unpinned = packages.Where(p => !IsZypperPinned(p)).ToList();
            if (unpinned.Count > 0)
            {
                yield return Report(context, document, run, command, $"'{command.Name}' installs '{string.Join("', '", unpinned)}' without a pinned version.", string.Join(' ', unpinned));
            }
        }
    }

    private static bool IsZypperPinned(string package) =>
        package.IndexOfAny(['=', '<', '>']) >= 0 || package.EndsWith(".rpm", StringComparison.Ordinal) || package.StartsWith('$');
}
