namespace Shipgate.Containers.Dockerfiles;

/// <summary>A <c>--name=value</c> flag written before an instruction's arguments (<c>COPY --from=build</c>).</summary>
internal sealed record InstructionFlag(string Name, string? Value, int Offset);

/// <summary>A here-document attached to <c>RUN</c>, <c>COPY</c> or <c>ADD</c>: its delimiter and body.</summary>
internal sealed record Heredoc(string Name, bool StripTabs, string Body, int BodyOffset);

/// <summary>
/// One instruction with its exact place in the source. <see cref="Arguments"/> is the logical argument text after
/// continuations are joined (comment lines inside continuations dropped); <see cref="Body"/> is the same without
/// the leading flags. Immutable after parsing.
/// </summary>
internal sealed class Instruction
{
    private ShellScript? script;

    public required string Keyword { get; init; }

    public required string Arguments { get; init; }

    public required string Body { get; init; }

    public required IReadOnlyList<InstructionFlag> Flags { get; init; }

    /// <summary>The JSON array of the exec form, or null for the shell form.</summary>
    public IReadOnlyList<string>? ExecForm { get; init; }

    public IReadOnlyList<Heredoc> Heredocs { get; init; } = [];

    /// <summary>For <c>ONBUILD</c>: the instruction it wraps.</summary>
    public Instruction? Inner { get; init; }

    /// <summary>0-based offset of the keyword in the file text.</summary>
    public required int Offset { get; init; }

    /// <summary>0-based offset just past the instruction's last character (continuations and heredocs included).</summary>
    public required int EndOffset { get; init; }

    public required int Line { get; init; }

    public required int Column { get; init; }

    /// <summary>Index of the stage this instruction belongs to, -1 before the first <c>FROM</c>.</summary>
    public int StageIndex { get; set; } = -1;

    /// <summary>True when this instruction is the one wrapped by an <c>ONBUILD</c>.</summary>
    public bool IsOnbuildTrigger { get; init; }

    internal SourceMap Map { get; init; } = SourceMap.Empty;

    public bool IsExecForm => ExecForm is not null;

    public bool Is(string keyword) => Keyword.Equals(keyword, StringComparison.Ordinal);

    /// <summary>The value of flag <paramref name="name"/> (without dashes), or null.</summary>
    public string? Flag(string name)
    {
        foreach (var flag in Flags)
        {
            if (flag.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return flag.Value ?? "";
            }
        }

        return null;
    }

    public bool HasFlag(string name) => Flag(name) is not null;

    /// <summary>The shell commands of a <c>RUN</c> (shell form, <c>sh -c</c> exec form and heredoc scripts); empty otherwise.</summary>
    public ShellScript Script => script ??= ShellScriptBuilder.For(this);

    /// <summary>Maps an offset within <see cref="Arguments"/> back to the file.</summary>
    public int OriginalOffset(int argumentsIndex) => Map.ToOriginal(argumentsIndex);

    public override string ToString() => Keyword + " " + Arguments;
}
