using Shipgate.Containers.Dockerfiles;
using Shipgate.Core;

namespace Shipgate.Containers.Rules;

internal sealed class GemUnpinned : DockerfileRule
{
    private static readonly string[] OptionsWithValue = ["-v", "--version", "-i", "--install-dir", "-n", "--bindir", "-s", "--source", "-P", "--trust-policy", "--platform", "-g", "--file"];

    public override RuleMetadata Metadata { get; } = Define(
        "DKR037", "gem-unpinned", "gem install without a pinned version",
        Severity.Low, Confidence.High,
        ["hadolint:DL3028"],
        "Gems installed without a version resolve to the newest release at build time, so rebuilds differ and a compromised release is installed automatically.",
        "Pin the version: 'gem install bundler:2.5.16' or 'gem install bundler -v 2.5.16'; prefer a Gemfile.lock with 'bundle install'.",
        tags: ["reproducibility", "supply-chain"]);

    public override IEnumerable<Finding> Analyze(Dockerfile document, RuleContext context)
    {
        foreach (var (run, command) in document.RunCommands())
        {
            if (!command.Is("gem") || command.HasOption("-v", "--version"))
            {
                continue;
            }

            var args = PackageCommands.Positionals(command.Arguments, OptionsWithValue);
            if (args.Count < 2 || args[0] is not ("install" or "i"))
            {
                continue;
            }

            var unpinned = args.Skip(1).Where(p => !p.Contains(':', StringComparison.Ordinal) && !p.EndsWith(".gem", StringComparison.Ordinal) && !p.StartsWith('$')).ToList();
            if (unpinned.Count > 0)
            {
                yield return Report(context, document, run, command, $"gem installs '{string.Join("', '", unpinned)}' without a pinned version.", string.Join(' ', unpinned));
            }
        }
    }
}
