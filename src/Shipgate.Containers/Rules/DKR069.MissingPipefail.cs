using Shipgate.Containers.Dockerfiles;
using Shipgate.Core;

namespace Shipgate.Containers.Rules;

internal sealed class MissingPipefail : DockerfileRule
{
    private static readonly HashSet<string> PipefailShells = new(StringComparer.Ordinal) { "bash", "zsh", "ksh", "mksh", "ash" };
    private static readonly HashSet<string> NonPosixShells = new(StringComparer.OrdinalIgnoreCase) { "pwsh", "pwsh.exe", "powershell", "powershell.exe", "cmd", "cmd.exe" };

    public override RuleMetadata Metadata { get; } = Define(
        "DKR069", "missing-pipefail", "RUN pipes without pipefail",
        Severity.Medium, Confidence.High,
        ["hadolint:DL4006"],
        "A pipeline's exit status is that of its last command, so in 'curl … | tar x' a failed download is ignored and the build goes on with a broken or missing file.",
        "Set 'SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]' before the RUN (or start the RUN with 'set -o pipefail &&' in bash).",
        tags: ["correctness"]);

    public override IEnumerable<Finding> Analyze(Dockerfile document, RuleContext context)
    {
        IReadOnlyList<string>? shell = null;
        var stageIndex = int.MinValue;
        foreach (var instruction in document.Effective)
        {
            if (instruction.StageIndex != stageIndex)
            {
                stageIndex = instruction.StageIndex;
                shell = null;
            }

            if (instruction.Is("SHELL"))
            {
                shell = instruction.ExecForm;
                continue;
            }

            if (!instruction.Is("RUN") || instruction.IsExecForm || !instruction.Script.HasPipe)
            {
                continue;
            }

            if (shell is { Count: > 0 } && NonPosixShells.Contains(BaseName(shell[0])))
            {
                continue;
            }

            var shellHasPipefail = shell is { Count: > 0 } && PipefailShells.Contains(BaseName(shell[0])) && HasPipefail(shell.Skip(1).ToList());
            var scriptHasPipefail = instruction.Script.Commands.TakeWhile(c => !c.PipesOut).Any(c => c.Is("set") && HasPipefail(c.Args.ToList()));
            if (!shellHasPipefail && !scriptHasPipefail)
            {
                var pipe = instruction.Script.Commands.First(c => c.PipesOut && c.Origin != CommandOrigin.NestedShell);
                yield return Report(context, document, instruction, pipe, $"'{Clip(pipe.Text)}' is piped, but the shell does not run with -o pipefail, so a failure before the pipe is ignored.");
            }
        }
    }

    private static bool HasPipefail(List<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "pipefail" && i > 0 && args[i - 1].StartsWith('-') && args[i - 1].EndsWith('o'))
            {
                return true;
            }

            if (args[i] == "-opipefail")
            {
                return true;
            }
        }

        return false;
    }

    private static string BaseName(string path)
    {
        var slash = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
        return slash >= 0 ? path[(slash + 1)..] : path;
    }
}
