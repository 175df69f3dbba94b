namespace Shipgate.Containers.Dockerfiles;

/// <summary>A variable set by ENV, ARG, or inside a RUN (<c>export X=1</c>, <c>X=1 cmd</c>, <c>env X=1 cmd</c>).</summary>
internal sealed record EnvironmentAssignment(Instruction Instruction, string Name, string? Value, ShellCommand? Command);

/// <summary>Finds every place a Dockerfile sets an environment or build variable. Pure.</summary>
internal static class EnvironmentAssignments
{
    public static IEnumerable<EnvironmentAssignment> All(Dockerfile document)
    {
        foreach (var instruction in document.Instructions.Select(i => i.Inner ?? i))
        {
            if (instruction.Is("ENV") || instruction.Is("ARG"))
            {
                foreach (var pair in ArgumentWords.Pairs(instruction.Body, legacyForm: true, document.EscapeChar))
                {
                    yield return new EnvironmentAssignment(instruction, pair.Key, pair.Value, null);
                }
            }
            else if (instruction.Is("RUN"))
            {
                foreach (var command in instruction.Script.Commands)
                {
                    foreach (var (name, value) in command.Assignments)
                    {
                        yield return new EnvironmentAssignment(instruction, name, value, command);
                    }

                    if (command.Is("export", "declare", "typeset", "readonly"))
                    {
                        foreach (var argument in command.Arguments)
                        {
                            var equals = argument.Value.IndexOf('=', StringComparison.Ordinal);
                            if (equals > 0 && !argument.Value.StartsWith('-'))
                            {
                                yield return new EnvironmentAssignment(instruction, argument.Value[..equals], argument.Value[(equals + 1)..], command);
                            }
                        }
                    }
                }
            }
        }
    }

    /// <summary>
    /// Values given to <paramref name="name"/> anywhere in a RUN's text (<c>NAME=v cmd</c>, <c>export NAME=v</c>), found by a
    /// plain scan so that odd quoting elsewhere on the line cannot hide them. The name compares case-insensitively.
    /// </summary>
    public static IEnumerable<string> InRunText(Instruction run, string name)
    {
        foreach (var text in run.Heredocs.Select(h => h.Body).Prepend(run.Body))
        {
            var from = 0;
            while (from < text.Length)
            {
                var at = text.IndexOf(name, from, StringComparison.OrdinalIgnoreCase);
                if (at < 0)
                {
                    break;
                }

                from = at + name.Length;
                var boundary = at == 0 || text[at - 1] is ' ' or '\t' or ';' or '&' or '|' or '\n' or '(' or '"' or '\'';
                if (!boundary || from >= text.Length || text[from] != '=')
                {
                    continue;
                }

                var end = from + 1;
                var quote = end < text.Length && text[end] is '"' or '\'' ? text[end] : '\0';
                if (quote != '\0')
                {
                    var close = text.IndexOf(quote, end + 1);
                    yield return close < 0 ? text[(end + 1)..] : text[(end + 1)..close];
                    continue;
                }

                while (end < text.Length && !char.IsWhiteSpace(text[end]) && text[end] is not (';' or '&' or '|' or ')'))
                {
                    end++;
                }

                yield return text[(from + 1)..end];
            }
        }
    }

    /// <summary>True for values that switch a check off: 0, false, no, off (case-insensitive, quotes ignored).</summary>
    public static bool IsFalsy(string? value) =>
        value is not null && value.Trim().Trim('"', '\'').ToUpperInvariant() is "0" or "FALSE" or "NO" or "OFF" or "N";
}
