using Shipgate.Containers.Dockerfiles;
using Shipgate.Core;

namespace Shipgate.Containers.Rules;

internal sealed class ApkUnpinned : DockerfileRule
{
    public override RuleMetadata Metadata { get; } = Define(
        "DKR021", "apk-unpinned", "apk add without pinned versions",
        Severity.Low, Confidence.High,
        ["hadolint:DL3018"],
        "Packages added without a version ('apk add curl') resolve to whatever the repository has at build time, so rebuilds are not reproducible.",
        "Pin versions: 'apk add --no-cache curl=8.9.1-r0' (or '~8.9' for patch updates).",
        tags: ["reproducibility"]);

    public override IEnumerable<Finding> Analyze(Dockerfile document, RuleContext context)
    {
        foreach (var (run, command) in document.RunCommands())
        {
            if (!command.Is("apk"))
            {
                continue;
            }

            var args = PackageCommands.Positionals(command.Arguments, PackageCommands.ApkOptionsWithValue);
            if (args.Count < 2 || args[0] != "add")
            {
                continue;
            }

            var unpinned = args.Skip(1).Where(p => p.IndexOfAny(['=', '~', '<', '>']) < 0 && !p.EndsWith(".apk", StringComparison.Ordinal) && !p.StartsWith('$') && !p.StartsWith('/') && !p.StartsWith('.')).ToList();
            if (unpinned.Count > 0)
            {
                yield return Report(context, document, run, command, $"apk adds '{string.Join("', '", unpinned)}' without a pinned version.", string.Join(' ', unpinned));
            }
        }
    }
}
