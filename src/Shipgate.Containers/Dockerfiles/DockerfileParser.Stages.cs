namespace Shipgate.Containers.Dockerfiles;

internal static partial class DockerfileParser
{
    /// <summary>Groups instructions into stages and resolves each base image with the global ARG defaults.</summary>
    private static (List<Stage> Stages, List<Instruction> GlobalArgs) BuildStages(List<Instruction> instructions)
    {
        var stages = new List<Stage>();
        var globalArgs = new List<Instruction>();
        var globals = new Dictionary<string, string>(StringComparer.Ordinal);
        Instruction? from = null;
        var current = new List<Instruction>();

        void Close()
        {
            if (from is not null)
            {
                stages.Add(MakeStage(stages, from, current, globals));
            }
        }

        foreach (var instruction in instructions)
        {
            if (instruction.Is("FROM"))
            {
                Close();
                from = instruction;
                current = [];
            }

            instruction.StageIndex = from is null ? -1 : stages.Count;
            if (instruction.Inner is { } inner)
            {
                inner.StageIndex = instruction.StageIndex;
            }

            if (from is null)
            {
                if (instruction.Is("ARG"))
                {
                    globalArgs.Add(instruction);
                    foreach (var pair in ArgumentWords.Pairs(instruction.Body, legacyForm: false))
                    {
                        if (pair.Value is not null)
                        {
                            globals[pair.Key] = Variables.Substitute(pair.Value, globals, out _);
                        }
                    }
                }

                continue;
            }

            current.Add(instruction);
        }

        Close();
        return (stages, globalArgs);
    }

    private static Stage MakeStage(List<Stage> previous, Instruction from, List<Instruction> body, Dictionary<string, string> globals)
    {
        var words = ArgumentWords.Split(from.Body);
        var written = words.Count > 0 ? words[0].Value : "";
        string? name = null;
        if (words.Count >= 3 && words[1].Value.Equals("AS", StringComparison.OrdinalIgnoreCase))
        {
            name = words[2].Value;
        }

        var resolved = Variables.Substitute(written, globals, out var unresolved);
        var parent = previous.LastOrDefault(s => s.IsNamed(resolved));
        return new Stage
        {
            Index = previous.Count,
            From = from,
            Image = ImageReference.Parse(written, resolved, unresolved),
            Name = name,
            Instructions = body,
            Parent = parent,
        };
    }
}
