using Shipgate.Containers.Dockerfiles;

namespace Shipgate.Containers.Shell;

/// <summary>
/// All shell-form RUN bodies of a Dockerfile that share one shell, joined into one script (one body per line) so
/// ShellCheck runs once; <see cref="Origin"/> maps a script line back to its RUN and the offset in its arguments.
/// The shell comes from the stage's last <c>SHELL</c> (default <c>sh</c>); RUNs under shells ShellCheck does not
/// know (PowerShell, cmd, zsh) are left out. Immutable.
/// </summary>
internal sealed class RunScript
{
    private readonly List<(Instruction Run, int ArgumentsIndex)> lines = [];

    private RunScript(string shell)
    {
        Shell = shell;
    }

    public string Shell { get; }

    public string Text { get; private set; } = "";

    public (Instruction Run, int ArgumentsIndex)? Origin(int line) => line >= 1 && line <= lines.Count ? lines[line - 1] : null;

    public static IReadOnlyList<RunScript> From(Dockerfile document)
    {
        var scripts = new Dictionary<string, RunScript>(StringComparer.Ordinal);
        var builders = new Dictionary<string, System.Text.StringBuilder>(StringComparer.Ordinal);
        var shells = new Dictionary<int, string?>();
        foreach (var instruction in document.Effective)
        {
            var stage = instruction.StageIndex;
            if (instruction.Is("SHELL") && instruction.ExecForm is { Count: > 0 } exec)
            {
                shells[stage] = ShellName(exec[0]);
                continue;
            }

            if (!instruction.Is("RUN") || instruction.IsExecForm || instruction.Heredocs.Count > 0 || instruction.Body.Trim().Length == 0)
            {
                continue;
            }

            if ((shells.TryGetValue(stage, out var known) ? known : "sh") is not { } shell)
            {
                continue;
            }

            if (!scripts.TryGetValue(shell, out var script))
            {
                script = scripts[shell] = new RunScript(shell);
                builders[shell] = new System.Text.StringBuilder();
            }

            var bodyIndex = Math.Max(0, instruction.Arguments.IndexOf(instruction.Body, StringComparison.Ordinal));
            var offset = 0;
            foreach (var line in instruction.Body.Split('\n'))
            {
                script.lines.Add((instruction, bodyIndex + offset));
                builders[shell].Append(line.TrimEnd('\r')).Append('\n');
                offset += line.Length + 1;
            }
        }

        foreach (var (shell, script) in scripts)
        {
            script.Text = builders[shell].ToString();
        }

        return [.. scripts.Values];
    }

    /// <summary>The <c>--shell</c> value for a SHELL executable, or null when ShellCheck cannot check it.</summary>
    internal static string? ShellName(string executable)
    {
        var name = executable.Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        return name switch
        {
            "sh" or "ash" or "busybox" => "sh",
            "bash" => "bash",
            "dash" => "dash",
            "ksh" or "mksh" or "ksh93" => "ksh",
            _ => null,
        };
    }
}
