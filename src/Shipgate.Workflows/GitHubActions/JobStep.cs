using Shipgate.Yaml;

namespace Shipgate.Workflows.GitHubActions;

/// <summary>
/// One step of a job or of a composite action: its mapping plus typed access to the keys rules read.
/// <see cref="Job"/> is null for composite action steps. Immutable.
/// </summary>
public sealed class JobStep
{
    internal JobStep(int index, YamlMapping node, Mark start, Job? job, ActionDefinition? action)
    {
        Index = index;
        Start = start;
        Node = node;
        Job = job;
        Action = action;
        UsesScalar = node["uses"] as YamlScalar;
        Uses = UsesScalar is { } u ? UsesReference.Parse(u.Value) : null;
        Run = node["run"] as YamlScalar;
    }

    public int Index { get; }

    public YamlMapping Node { get; }

    /// <summary>Where the step is written in its list (the alias for an aliased step).</summary>
    public Mark Start { get; }

    public Job? Job { get; }

    public ActionDefinition? Action { get; }

    public string? Id => Node.ScalarValue("id");

    public string? Name => Node.ScalarValue("name");

    /// <summary><c>id</c>, else <c>name</c>, else the 1-based position.</summary>
    public string DisplayName => Id ?? Name ?? Uses?.Raw ?? $"step {Index + 1}";

    public YamlScalar? UsesScalar { get; }

    public UsesReference? Uses { get; }

    public YamlScalar? Run { get; }

    /// <summary>A version noted in a comment after <c>uses:</c> (<c># v4.2.2</c>, <c># tag=v4</c>), if any.</summary>
    public string? VersionComment { get; internal set; }

    public YamlNode? If => Node["if"];

    public YamlMapping? With => Node["with"] as YamlMapping;

    public YamlMapping? Env => Node["env"] as YamlMapping;

    /// <summary>The scalar input <paramref name="name"/> under <c>with:</c>, or null.</summary>
    public YamlScalar? Input(string name) => With?[name] as YamlScalar;

    /// <summary>The shell that runs <c>run:</c>: the step's, then the job's and workflow's defaults, then the runner's default.</summary>
    public string Shell
    {
        get
        {
            var explicitShell = Node.ScalarValue("shell")
                ?? ((Job?.Node["defaults"] as YamlMapping)?["run"] as YamlMapping)?.ScalarValue("shell")
                ?? Job?.Workflow.DefaultShell;
            if (explicitShell is not null)
            {
                var first = explicitShell.Trim().Split(' ', 2)[0];
                var name = first.Contains('/', StringComparison.Ordinal) ? first[(first.LastIndexOf('/') + 1)..] : first;
                return name.ToLowerInvariant();
            }

            return Job?.RunsOnWindows == true ? "pwsh" : "bash";
        }
    }

    /// <summary>True when <c>if:</c> is the literal false (the step never runs).</summary>
    public bool IsDisabled => If is YamlScalar s && (s.AsBoolean == false || s.Value.Trim() is "${{ false }}" or "false");

    /// <summary>The environment visible to this step: step, then job, then workflow <c>env:</c>.</summary>
    public YamlNode? LookupEnv(string name)
    {
        foreach (var map in new[] { Env, Job?.Env, Job?.Workflow.Env })
        {
            if (map is not null)
            {
                foreach (var entry in map.Entries)
                {
                    if (string.Equals(entry.Key.Value, name, StringComparison.OrdinalIgnoreCase))
                    {
                        return entry.Value;
                    }
                }
            }
        }

        return null;
    }
}
