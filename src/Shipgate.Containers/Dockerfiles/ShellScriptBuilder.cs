namespace Shipgate.Containers.Dockerfiles;

/// <summary>Turns a RUN instruction (shell form, exec form, heredocs) into its <see cref="ShellScript"/>. Pure.</summary>
internal static class ShellScriptBuilder
{
    private static readonly HashSet<string> Shells = new(StringComparer.Ordinal) { "sh", "bash", "ash", "dash", "zsh", "ksh", "/bin/sh", "/bin/bash", "/bin/ash", "/usr/bin/bash", "/bin/dash", "/bin/zsh" };

    public static ShellScript For(Instruction instruction)
    {
        if (!instruction.Is("RUN"))
        {
            return ShellScript.Empty;
        }

        var commands = new List<ShellCommand>();
        if (instruction.ExecForm is { } exec)
        {
            if (exec.Count >= 3 && Shells.Contains(exec[0]) && exec[1].StartsWith('-') && exec[1].EndsWith('c'))
            {
                commands.AddRange(ShellLexer.Split(exec[2], null));
            }
            else if (exec.Count > 0)
            {
                var quoted = string.Join(' ', exec.Select(Quote));
                commands.AddRange(ShellLexer.Split(quoted, null));
            }

            return new ShellScript(commands);
        }

        var bodyIndex = instruction.Arguments.IndexOf(instruction.Body, StringComparison.Ordinal);
        var lineCommands = bodyIndex < 0 ? ShellLexer.Split(instruction.Body, null) : ShellLexer.Split(instruction.Body, instruction.Map, bodyIndex);
        commands.AddRange(lineCommands);
        if (instruction.Heredocs.Count > 0)
        {
            var runsBody = lineCommands.Count == 0 || lineCommands.Any(c => Shells.Contains(c.Name));
            if (runsBody)
            {
                foreach (var heredoc in instruction.Heredocs)
                {
                    commands.AddRange(ShellLexer.Split(heredoc.Body, heredoc.BodyOffset));
                }
            }
        }

        return new ShellScript(commands);
    }

    private static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
