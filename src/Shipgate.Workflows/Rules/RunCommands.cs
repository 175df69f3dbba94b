using Shipgate.Workflows.GitHubActions;
using Shipgate.Workflows.Shell;
using Shipgate.Yaml;

namespace Shipgate.Workflows.Rules;

/// <summary>Shell commands of <c>run:</c> steps with their script scalar, for command-matching rules.</summary>
internal static class RunCommands
{
    public static IEnumerable<(JobStep Step, YamlScalar Script, ShellCommand Command)> Of(GitHubDocument document, bool workflowsOnly = false)
    {
        foreach (var step in document.Steps)
        {
            if (workflowsOnly && step.Job is null)
            {
                continue;
            }

            if (step.Run is not { } run)
            {
                continue;
            }

            var shell = step.Shell;
            if (shell is not ("bash" or "sh" or "zsh" or "pwsh" or "powershell" or "cmd"))
            {
                shell = shell.Contains("${{", StringComparison.Ordinal) ? "bash" : shell;
            }

            foreach (var command in ShellScript.Commands(run.Value, ShellScript.IsPowerShell(shell)))
            {
                yield return (step, run, command);
            }
        }
    }

    /// <summary>The command without a leading <c>sudo</c>, <c>env</c>, <c>bundle exec</c>, <c>python -m</c>, <c>pipx run</c>, <c>npx</c> or <c>bunx</c> wrapper.</summary>
    public static IReadOnlyList<string> Unwrapped(ShellCommand command)
    {
        var words = command.Words.Select(w => w.Text).ToList();
        var changed = true;
        while (changed && words.Count > 1)
        {
            changed = false;
            var head = words[0].ToLowerInvariant();
            if (head is "sudo" or "env" or "exec" or "time" or "npx" or "bunx" or "uvx" or "command")
            {
                words.RemoveAt(0);
                changed = true;
            }
            else if (head == "bundle" && words.Count > 2 && words[1] == "exec")
            {
                words.RemoveRange(0, 2);
                changed = true;
            }
            else if ((head.StartsWith("python", StringComparison.Ordinal) || head is "py") && words.Count > 2 && words[1] == "-m")
            {
                words.RemoveRange(0, 2);
                changed = true;
            }
            else if (head is "pipx" or "uv" && words.Count > 2 && words[1] is "run" or "tool")
            {
                words.RemoveRange(0, words[1] == "tool" && words.Count > 3 && words[2] == "run" ? 3 : 2);
                changed = true;
            }
        }

        if (words.Count > 0)
        {
            var name = words[0];
            var cut = name.IndexOfAny(['=', '@']);
            if (cut > 0)
            {
                name = name[..cut];
            }

            if (name.EndsWith(".exe", StringComparison.OrdinalIgnoreCase))
            {
                name = name[..^4];
            }

            words[0] = name.Contains('/', StringComparison.Ordinal) ? name[(name.LastIndexOf('/') + 1)..] : name;
        }

        return words;
    }
}
