namespace Shipgate.Containers.Dockerfiles;

internal sealed partial class ShellLexer
{
    private static readonly HashSet<string> Wrappers = new(StringComparer.Ordinal) { "sudo", "env", "nohup", "exec", "command", "nice", "stdbuf", "gosu", "su-exec", "doas" };
    private static readonly HashSet<string> SudoOptionsWithValue = new(StringComparer.Ordinal) { "-u", "-g", "-U", "-C", "-h", "-p", "-r", "-t", "-D" };

    private void EndCommand(Connector connector)
    {
        var nestedScripts = nested.Count > 0 ? nested.ToList() : null;
        nested.Clear();
        if (words.Count == 0)
        {
            redirections.Clear();
            if (connector != Connector.Pipe)
            {
                pipeIn = false;
            }

            Flush(nestedScripts, parent);
            return;
        }

        var list = new List<ShellWord>(words);
        var first = list[0];
        var last = list[^1];
        var text = s[first.Index..Math.Min(s.Length, last.Index + last.Raw.Length)];
        words.Clear();

        var assignments = new List<(string, string)>();
        var wrappers = new List<string>();
        var skip = false;
        while (list.Count > 0)
        {
            if (IsAssignment(list[0].Raw, out var name))
            {
                var equals = list[0].Value.IndexOf('=', StringComparison.Ordinal);
                assignments.Add((name, equals < 0 ? "" : list[0].Value[(equals + 1)..]));
                list.RemoveAt(0);
                continue;
            }

            var head = list[0].Value;
            if (Keywords.Contains(head))
            {
                list.RemoveAt(0);
                continue;
            }

            if (head is "for" or "case" or "select" or "function" || (Closers.Contains(head) && list.Count == 1))
            {
                skip = true;
            }

            break;
        }

        while (!skip && list.Count > 1 && Wrappers.Contains(BaseName(list[0].Value)))
        {
            var wrapper = BaseName(list[0].Value);
            var rest = StripWrapper(wrapper, list, assignments);
            if (rest.Count == 0)
            {
                break;
            }

            wrappers.Add(wrapper);
            list = rest;
        }

        ShellCommand? built = null;
        if (!skip && (list.Count > 0 || assignments.Count > 0))
        {
            var command = new ShellCommand
            {
                Name = list.Count > 0 ? BaseName(list[0].Value) : "",
                Arguments = list.Count > 0 ? list.GetRange(1, list.Count - 1) : [],
                Assignments = assignments,
                Wrappers = wrappers,
                Redirections = redirections.ToList(),
                Text = text,
                SourceOffset = Source(first.Index),
                Origin = origin,
                Pipeline = pipeline,
                PipesIn = pipeIn,
                Next = connector,
                Parent = parent,
            };
            output.Add(command);
            AddNestedShell(command);
            built = command;
        }

        redirections.Clear();
        pipeIn = connector == Connector.Pipe;
        if (!pipeIn)
        {
            pipeline++;
        }

        Flush(nestedScripts, built ?? parent);
    }

    private void Flush(List<(string Script, int Start)>? scripts, ShellCommand? owner)
    {
        if (scripts is null)
        {
            return;
        }

        foreach (var (script, start) in scripts)
        {
            SplitInto(output, script, map, mapBase + start, CommandOrigin.Substitution, depth + 1, owner);
        }

        pipeline = output.Count == 0 ? pipeline : Math.Max(pipeline, output[^1].Pipeline + 1);
    }

    /// <summary>For <c>sh -c "script"</c>, <c>bash -ec '…'</c> and <c>su -c "…"</c>: splits the script too.</summary>
    private void AddNestedShell(ShellCommand command)
    {
        if (!Shells.Contains(command.Name) && command.Name != "su")
        {
            return;
        }

        for (var k = 0; k < command.Arguments.Count - 1; k++)
        {
            var value = command.Arguments[k].Value;
            if (value.Length >= 2 && value[0] == '-' && value[1] != '-' && value.EndsWith('c') && value.All(ch => ch == '-' || char.IsAsciiLetter(ch)))
            {
                var script = command.Arguments[k + 1];
                SplitInto(output, script.Value, map, mapBase + script.Index + (script.IsQuoted ? 1 : 0), CommandOrigin.NestedShell, depth + 1, command);
                pipeline = output[^1].Pipeline + 1;
                return;
            }
        }
    }

    private static List<ShellWord> StripWrapper(string wrapper, List<ShellWord> list, List<(string, string)> assignments)
    {
        var k = 1;
        while (k < list.Count)
        {
            var value = list[k].Value;
            if (wrapper == "env" && IsAssignment(list[k].Raw, out var name))
            {
                var equals = value.IndexOf('=', StringComparison.Ordinal);
                assignments.Add((name, equals < 0 ? "" : value[(equals + 1)..]));
                k++;
                continue;
            }

            if (wrapper is "gosu" or "su-exec")
            {
                // gosu USER command...
                k++;
                break;
            }

            if (value.Length > 1 && value[0] == '-')
            {
                k += wrapper is "sudo" or "doas" && SudoOptionsWithValue.Contains(value) ? 2 : wrapper is "nice" && value == "-n" ? 2 : 1;
                continue;
            }

            break;
        }

        return k >= list.Count ? [] : list.GetRange(k, list.Count - k);
    }

    private static bool IsAssignment(string raw, out string name)
    {
        name = "";
        var equals = raw.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            return false;
        }

        var candidate = raw.AsSpan(0, equals);
        if (candidate[^1] == '+')
        {
            candidate = candidate[..^1];
        }

        if (candidate.Length == 0 || char.IsAsciiDigit(candidate[0]))
        {
            return false;
        }

        foreach (var ch in candidate)
        {
            if (!char.IsAsciiLetterOrDigit(ch) && ch != '_')
            {
                return false;
            }
        }

        name = candidate.ToString();
        return true;
    }

    private static string BaseName(string value)
    {
        var slash = value.LastIndexOf('/');
        return slash >= 0 && slash < value.Length - 1 ? value[(slash + 1)..] : value;
    }
}
