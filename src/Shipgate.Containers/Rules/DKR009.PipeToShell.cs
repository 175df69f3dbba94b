using Shipgate.Containers.Dockerfiles;
using Shipgate.Core;

namespace Shipgate.Containers.Rules;

internal sealed class PipeToShell : DockerfileRule
{
    private static readonly HashSet<string> Interpreters = new(StringComparer.Ordinal)
    {
        "sh", "bash", "ash", "dash", "zsh", "ksh", "python", "python2", "python3", "perl", "ruby", "node", "php", "pwsh", "source", ".", "eval",
    };

    public override RuleMetadata Metadata { get; } = Define(
        "DKR009", "pipe-to-shell", "Remote script piped straight into a shell",
        Severity.High, Confidence.High,
        ["concept:ST-PIPE-TO-SHELL"],
        "A RUN step downloads a script and executes it in one go ('curl … | sh', 'wget -O- … | bash', 'bash -c \"$(curl …)\"', 'bash <(curl …)'). Nothing checks what was downloaded, so whoever controls the server, DNS or network path controls the build.",
        "Download to a file, verify its checksum or signature ('echo \"<sha256>  install.sh\" | sha256sum -c -'), then run it; better, install from a package manager with signature checks.",
        tags: ["supply-chain", "cwe-494"]);

    public override IEnumerable<Finding> Analyze(Dockerfile document, RuleContext context)
    {
        foreach (var run in document.EffectiveOfKind("RUN"))
        {
            var reported = new HashSet<ShellCommand>();
            var commands = run.Script.Commands;
            for (var i = 0; i < commands.Count; i++)
            {
                var command = commands[i];
                if (!IsDownload(command))
                {
                    continue;
                }

                if (command.PipesOut && FindPipedInterpreter(commands, i) is { } interpreter && reported.Add(interpreter))
                {
                    yield return Report(context, document, run, command, $"'{Clip(command.Text)}' is piped into '{interpreter.Name}' without any integrity check.");
                    continue;
                }

                for (var owner = command.Parent; owner is not null; owner = owner.Parent)
                {
                    if (IsInterpreter(owner))
                    {
                        if (reported.Add(owner))
                        {
                            yield return Report(context, document, run, owner, $"'{Clip(owner.Text)}' executes the output of '{Clip(command.Text, 60)}' without any integrity check.");
                        }

                        break;
                    }
                }
            }
        }
    }

    private static bool IsDownload(ShellCommand command) =>
        command.Is("curl", "wget", "fetch", "aria2c") || (command.Is("iwr", "Invoke-WebRequest", "irm", "Invoke-RestMethod"));

    private static ShellCommand? FindPipedInterpreter(IReadOnlyList<ShellCommand> commands, int index)
    {
        var pipeline = commands[index].Pipeline;
        for (var j = index + 1; j < commands.Count && commands[j].Pipeline == pipeline; j++)
        {
            if (commands[j].PipesIn && IsInterpreter(commands[j]))
            {
                return commands[j];
            }
        }

        return null;
    }

    private static bool IsInterpreter(ShellCommand command)
    {
        var name = command.Name;
        if (Interpreters.Contains(name))
        {
            return true;
        }

        // python3.12, perl5, bash-5.2
        var letters = new string(name.TakeWhile(char.IsAsciiLetter).ToArray());
        return letters.Length > 0 && letters.Length < name.Length && Interpreters.Contains(letters) && !char.IsAsciiLetter(name[letters.Length]);
    }
}
