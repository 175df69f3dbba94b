namespace Shipgate.Containers.Dockerfiles;

/// <summary>Where a command was found: directly in the RUN script, inside <c>$(…)</c>/backticks, or in <c>sh -c "…"</c>.</summary>
internal enum CommandOrigin
{
    Direct,
    Substitution,
    NestedShell,
}

/// <summary>How a command is joined to the next one.</summary>
internal enum Connector
{
    End,
    Sequence,
    And,
    Or,
    Pipe,
    Background,
}

/// <summary>One shell word: its value with quotes and escapes removed, the raw text, and where it is.</summary>
internal sealed record ShellWord(string Value, string Raw, int Index, int? SourceOffset)
{
    public bool IsQuoted => Raw.Length > 0 && (Raw[0] is '"' or '\'');
}

/// <summary>A redirection such as <c>&gt;&gt; /etc/yum.conf</c>.</summary>
internal sealed record Redirection(string Operator, string Target);

/// <summary>
/// One simple command of a RUN script, after leading assignments, shell keywords (<c>if</c>, <c>then</c>, <c>do</c>)
/// and wrappers (<c>sudo</c>, <c>env</c>, <c>nohup</c>, <c>exec</c>) were peeled off. <see cref="Name"/> is the
/// program's base name (<c>apt-get</c> for <c>/usr/bin/apt-get</c>). Immutable.
/// </summary>
internal sealed class ShellCommand
{
    public required string Name { get; init; }

    /// <summary>The words after the name.</summary>
    public required IReadOnlyList<ShellWord> Arguments { get; init; }

    /// <summary><c>NAME=value</c> prefixes (and <c>env NAME=value</c>).</summary>
    public required IReadOnlyList<(string Name, string Value)> Assignments { get; init; }

    /// <summary>Wrappers peeled off the front, in order (<c>sudo</c>, <c>env</c>).</summary>
    public required IReadOnlyList<string> Wrappers { get; init; }

    public required IReadOnlyList<Redirection> Redirections { get; init; }

    public required string Text { get; init; }

    public required int? SourceOffset { get; init; }

    public required CommandOrigin Origin { get; init; }

    /// <summary>Commands of one pipeline share this number.</summary>
    public required int Pipeline { get; init; }

    public bool PipesIn { get; init; }

    /// <summary>For a command inside <c>$(…)</c> or <c>sh -c "…"</c>: the command that holds it.</summary>
    public ShellCommand? Parent { get; init; }

    public Connector Next { get; init; }

    public bool PipesOut => Next == Connector.Pipe;

    public IEnumerable<string> Args => Arguments.Select(a => a.Value);

    public bool Is(params ReadOnlySpan<string> names)
    {
        foreach (var name in names)
        {
            if (Name.Equals(name, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether any of the options is given: long options match <c>--name</c> and <c>--name=value</c>; a short option
    /// <c>-y</c> also matches inside a cluster such as <c>-qy</c>.
    /// </summary>
    public bool HasOption(params ReadOnlySpan<string> options)
    {
        foreach (var argument in Arguments)
        {
            var value = argument.Value;
            if (value.Length < 2 || value[0] != '-')
            {
                continue;
            }

            foreach (var option in options)
            {
                if (option.StartsWith("--", StringComparison.Ordinal))
                {
                    if (value.Equals(option, StringComparison.Ordinal) || (value.StartsWith(option, StringComparison.Ordinal) && value.Length > option.Length && value[option.Length] == '='))
                    {
                        return true;
                    }
                }
                else if (option.Length == 2 && value[1] != '-' && LeadingLetters(value).Contains(option[1]))
                {
                    return true;
                }
                else if (value.Equals(option, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The value of an option (<c>--opt=v</c>, <c>--opt v</c>, <c>-o v</c>, <c>-ov</c>), or null.</summary>
    public string? OptionValue(params ReadOnlySpan<string> options)
    {
        for (var i = 0; i < Arguments.Count; i++)
        {
            var value = Arguments[i].Value;
            foreach (var option in options)
            {
                if (value.Equals(option, StringComparison.Ordinal))
                {
                    return i + 1 < Arguments.Count ? Arguments[i + 1].Value : "";
                }

                if (value.StartsWith(option + "=", StringComparison.Ordinal))
                {
                    return value[(option.Length + 1)..];
                }

                if (option.Length == 2 && option[0] == '-' && option[1] != '-' && value.StartsWith(option, StringComparison.Ordinal) && value.Length > 2)
                {
                    return value[2..];
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Arguments that are not options, skipping the values of the options listed in <paramref name="optionsWithValue"/>
    /// when they are given as a separate word.
    /// </summary>
    public List<ShellWord> Positionals(params ReadOnlySpan<string> optionsWithValue)
    {
        var result = new List<ShellWord>();
        var skipNext = false;
        var endOfOptions = false;
        foreach (var argument in Arguments)
        {
            var value = argument.Value;
            if (skipNext)
            {
                skipNext = false;
                continue;
            }

            if (!endOfOptions && value == "--")
            {
                endOfOptions = true;
                continue;
            }

            if (!endOfOptions && value.Length > 1 && value[0] == '-')
            {
                foreach (var option in optionsWithValue)
                {
                    if (value.Equals(option, StringComparison.Ordinal))
                    {
                        skipNext = true;
                        break;
                    }
                }

                continue;
            }

            result.Add(argument);
        }

        return result;
    }

    /// <summary>The first positional argument (<c>install</c> in <c>apt-get -y install x</c>), or "".</summary>
    public string Subcommand(params ReadOnlySpan<string> optionsWithValue)
    {
        var positionals = Positionals(optionsWithValue);
        return positionals.Count == 0 ? "" : positionals[0].Value;
    }

    public bool HasArgument(string value) => Arguments.Any(a => a.Value.Equals(value, StringComparison.Ordinal));

    public override string ToString() => Text;

    private static ReadOnlySpan<char> LeadingLetters(string value)
    {
        var end = 1;
        while (end < value.Length && char.IsAsciiLetter(value[end]))
        {
            end++;
        }

        return value.AsSpan(1, end - 1);
    }
}

/// <summary>The commands of one RUN, flattened in source order (nested scripts follow the command that holds them).</summary>
internal sealed class ShellScript
{
    public static ShellScript Empty { get; } = new([]);

    public ShellScript(IReadOnlyList<ShellCommand> commands) => Commands = commands;

    public IReadOnlyList<ShellCommand> Commands { get; }

    /// <summary>True when the script has a pipeline outside <c>sh -c</c> strings.</summary>
    public bool HasPipe => Commands.Any(c => c.PipesOut && c.Origin != CommandOrigin.NestedShell);

    public IEnumerable<ShellCommand> Named(params string[] names) => Commands.Where(c => c.Is(names));
}
