namespace Shipgate.Containers.Dockerfiles;

/// <summary>
/// One build stage: its <c>FROM</c>, the base image (after ARG substitution), its optional name and the
/// instructions up to the next <c>FROM</c>. Immutable after parsing.
/// </summary>
internal sealed class Stage
{
    public required int Index { get; init; }

    public required Instruction From { get; init; }

    public required ImageReference Image { get; init; }

    /// <summary>The <c>AS name</c> alias as written, or null.</summary>
    public string? Name { get; init; }

    public string? Platform => From.Flag("platform");

    public required IReadOnlyList<Instruction> Instructions { get; init; }

    /// <summary>The earlier stage this one builds on (<c>FROM builder</c>), or null for an image.</summary>
    public Stage? Parent { get; init; }

    public IEnumerable<Instruction> OfKind(string keyword) => Instructions.Where(i => i.Is(keyword));

    public bool IsNamed(string name) => Name is not null && Name.Equals(name, StringComparison.OrdinalIgnoreCase);
}
