using Shipgate.Core;

namespace Shipgate.Containers.Dockerfiles;

/// <summary>A comment line (outside or inside a continuation) with its 1-based line number and text after <c>#</c>.</summary>
internal sealed record Comment(int Line, string Text);

/// <summary>
/// A parsed Dockerfile (or a fragment without <c>FROM</c>): parser directives, every instruction in order, the
/// stages, and the comments. Created once per file by <see cref="DockerfileParser"/>, then read by every rule.
/// Immutable apart from lazily built caches; rules on one thread read it (the engine gives a file to one task).
/// </summary>
internal sealed class Dockerfile
{
    private Instruction[]? effective;
    private (Instruction Run, ShellCommand Command)[]? runCommands;

    public required string Path { get; init; }

    public required string Text { get; init; }

    public required LineIndex Lines { get; init; }

    public char EscapeChar { get; init; } = '\\';

    public string? Syntax { get; init; }

    /// <summary>Every top-level instruction in file order.</summary>
    public required IReadOnlyList<Instruction> Instructions { get; init; }

    /// <summary>ARG instructions before the first FROM.</summary>
    public required IReadOnlyList<Instruction> GlobalArgs { get; init; }

    public required IReadOnlyList<Stage> Stages { get; init; }

    public required IReadOnlyList<Comment> Comments { get; init; }

    public Stage? FinalStage => Stages.Count == 0 ? null : Stages[^1];

    /// <summary>
    /// Every instruction that runs in some build, with ONBUILD triggers unwrapped (the trigger is analysed like
    /// any other instruction, as hadolint does).
    /// </summary>
    public IReadOnlyList<Instruction> Effective => effective ??= [.. Instructions.Select(i => i.Inner ?? i)];

    public IEnumerable<Instruction> EffectiveOfKind(string keyword) => Effective.Where(i => i.Is(keyword));

    /// <summary>Every shell command of every RUN (ONBUILD RUN included), with the RUN it belongs to.</summary>
    public IReadOnlyList<(Instruction Run, ShellCommand Command)> RunCommands() =>
        runCommands ??= [.. EffectiveOfKind("RUN").SelectMany(run => run.Script.Commands.Select(command => (run, command)))];

    public Stage? StageOf(Instruction instruction) =>
        instruction.StageIndex >= 0 && instruction.StageIndex < Stages.Count ? Stages[instruction.StageIndex] : null;

    /// <summary>The location of an instruction: from its keyword to the end of its first line.</summary>
    public Location LocationOf(Instruction instruction)
    {
        var lineText = Lines.LineText(instruction.Line);
        var end = Math.Max(instruction.Column, lineText.TrimEnd().Length);
        return new Location(Path, instruction.Line, instruction.Column, instruction.Line, end);
    }

    /// <summary>The location of a span inside an instruction's arguments.</summary>
    public Location LocationOf(Instruction instruction, int argumentsIndex, int length)
    {
        var start = instruction.OriginalOffset(argumentsIndex);
        var (line, column) = Lines.PositionOf(start);
        var lineText = Lines.LineText(line);
        var end = Math.Min(lineText.Length, column - 1 + Math.Max(1, length));
        return new Location(Path, line, column, line, Math.Max(column, end));
    }

    /// <summary>The location of a shell command (its first word) inside a RUN.</summary>
    public Location LocationOf(Instruction run, ShellCommand command) =>
        command.SourceOffset is { } offset ? SpanAt(offset, command.Text.Length) : LocationOf(run);

    /// <summary>The location of one word of a shell command.</summary>
    public Location LocationOf(Instruction run, ShellWord word) =>
        word.SourceOffset is { } offset ? SpanAt(offset, word.Raw.Length) : LocationOf(run);

    private Location SpanAt(int offset, int length)
    {
        var (line, column) = Lines.PositionOf(offset);
        var lineText = Lines.LineText(line);
        var end = Math.Min(lineText.Length, column - 1 + Math.Max(1, length));
        return new Location(Path, line, column, line, Math.Max(column, end));
    }
}
