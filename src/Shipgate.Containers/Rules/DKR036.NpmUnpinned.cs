using Shipgate.Containers.Dockerfiles;
using Shipgate.Core;

namespace Shipgate.Containers.Rules;

internal sealed class NpmUnpinned : DockerfileRule
{
    private static readonly string[] OptionsWithValue = ["--prefix", "--registry", "--cache", "--tag", "-C", "--workspace", "-w", "--userconfig", "--loglevel"];

    public override RuleMetadata Metadata { get; } = Define(
        "DKR036", "npm-unpinned", "npm install of a package without a pinned version",
        Severity.Low, Confidence.High,
        ["hadolint:DL3016"],
        "Packages named without a version ('npm install -g typescript') resolve to the newest release at build time; rebuilds differ and a compromised release is installed automatically.",
        "Pin the version ('npm install -g typescript@5.5.4'), or install from package.json with a lockfile using 'npm ci'.",
        tags: ["reproducibility", "supply-chain"]);

    public override IEnumerable<Finding> Analyze(Dockerfile document, RuleContext context)
    {
        foreach (var (run, command) in document.RunCommands())
        {
            if (!command.Is("npm"))
            {
                continue;
            }

            var args = PackageCommands.Positionals(command.Arguments, OptionsWithValue);
            if (args.Count < 2 || args[0] is not ("install" or "i" or "add" or "isntall" or "in"))
            {
                continue;
            }

            var unpinned = args.Skip(1).Where(p => !IsPinned(p)).ToList();
            if (unpinned.Count > 0)
            {
                yield return Report(context, document, run, command, $"npm installs '{string.Join("', '", unpinned)}' without a pinned version.", string.Join(' ', unpinned));
            }
        }
    }

    private static bool IsPinned(string package)
    {
        var p = package.Trim('"', '\'');
        if (p.StartsWith("git", StringComparison.Ordinal) || p.Contains("://", StringComparison.Ordinal))
        {
            return p.Contains('#', StringComparison.Ordinal) || p.EndsWith(".tgz", StringComparison.Ordinal);
        }

        if (p.StartsWith('.') || p.StartsWith('/') || p.StartsWith('$') || p.StartsWith("file:", StringComparison.Ordinal) || p.EndsWith(".tgz", StringComparison.Ordinal) || p.EndsWith(".tar.gz", StringComparison.Ordinal))
        {
            return true;
        }

        var at = p.LastIndexOf('@');
        if (at <= 0)
        {
            return false;
        }

        var version = p[(at + 1)..];
        return version.Length > 0 && version is not ("latest" or "next");
    }
}
