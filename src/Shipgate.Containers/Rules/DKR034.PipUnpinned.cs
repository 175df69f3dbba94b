using Shipgate.Containers.Dockerfiles;
using Shipgate.Core;

namespace Shipgate.Containers.Rules;

internal sealed class PipUnpinned : DockerfileRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "DKR034", "pip-unpinned", "pip install without pinned versions",
        Severity.Low, Confidence.High,
        ["hadolint:DL3013"],
        "Packages installed without a version ('pip install requests') resolve to the newest release at build time. Rebuilds differ, and a malicious release of a dependency goes straight into the image.",
        "Pin versions ('pip install requests==2.32.3'), or install from a requirements file with pinned versions and hashes ('pip install --require-hashes -r requirements.txt').",
        tags: ["reproducibility", "supply-chain"]);

    public override IEnumerable<Finding> Analyze(Dockerfile document, RuleContext context)
    {
        foreach (var (run, command) in document.RunCommands())
        {
            if (!PackageCommands.IsPip(command, out var arguments))
            {
                continue;
            }

            var args = PackageCommands.Positionals(arguments, PackageCommands.PipOptionsWithValue);
            if (args.Count < 2 || args[0] != "install")
            {
                continue;
            }

            var unpinned = args.Skip(1).Where(p => !IsPinned(p)).ToList();
            if (unpinned.Count > 0)
            {
                yield return Report(context, document, run, command, $"pip installs '{string.Join("', '", unpinned)}' without a pinned version.", string.Join(' ', unpinned));
            }
        }
    }

    private static bool IsPinned(string package)
    {
        var p = package.Trim('"', '\'');
        if (p.StartsWith("git+", StringComparison.Ordinal) || p.StartsWith("hg+", StringComparison.Ordinal) || p.StartsWith("svn+", StringComparison.Ordinal) || p.StartsWith("bzr+", StringComparison.Ordinal))
        {
            var at = p.LastIndexOf('@');
            var scheme = p.IndexOf("://", StringComparison.Ordinal);
            return at > scheme + 3 && !p[at..].Contains('/', StringComparison.Ordinal) || (at > 0 && p.IndexOf('@', scheme + 3) != at);
        }

        if (p.StartsWith('.') || p.StartsWith('/') || p.StartsWith('$') || p.StartsWith('~') || p.Contains("://", StringComparison.Ordinal)
            || p.EndsWith(".whl", StringComparison.Ordinal) || p.EndsWith(".tar.gz", StringComparison.Ordinal) || p.EndsWith(".zip", StringComparison.Ordinal))
        {
            return true;
        }

        return p.IndexOfAny(['=', '<', '>', '~', '@', '!']) >= 0;
    }
}
