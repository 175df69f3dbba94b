using Shipgate.Containers.Dockerfiles;
using Shipgate.Core;

namespace Shipgate.Containers.Rules;

internal sealed class GoInstallUnpinned : DockerfileRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "DKR038", "go-install-unpinned", "go install without a pinned version",
        Severity.Low, Confidence.High,
        ["hadolint:DL3062"],
        "'go install module/cmd' without a version, or with '@latest', builds whatever the module's newest release is at build time.",
        "Pin the version: 'go install golang.org/x/tools/gopls@v0.16.1'.",
        tags: ["reproducibility", "supply-chain"]);

    public override IEnumerable<Finding> Analyze(Dockerfile document, RuleContext context)
    {
        foreach (var (run, command) in document.RunCommands())
        {
            if (!command.Is("go"))
            {
                continue;
            }

            var args = PackageCommands.Positionals(command.Arguments, ["-o", "-tags", "-ldflags", "-gcflags", "-mod", "-modfile", "-p", "-pkgdir", "-toolexec", "-asmflags"]);
            if (args.Count < 2 || args[0] is not ("install" or "get"))
            {
                continue;
            }

            var unpinned = args.Skip(1).Where(p => !p.StartsWith('.') && !p.StartsWith('/') && !p.StartsWith('$') && (!p.Contains('@', StringComparison.Ordinal) || p.EndsWith("@latest", StringComparison.Ordinal))).ToList();
            if (unpinned.Count > 0)
            {
                yield return Report(context, document, run, command, $"'go {args[0]}' builds '{string.Join("', '", unpinned)}' without a pinned version.", string.Join(' ', unpinned));
            }
        }
    }
}
