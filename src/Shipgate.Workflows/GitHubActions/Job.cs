using Shipgate.Yaml;

namespace Shipgate.Workflows.GitHubActions;

/// <summary>A job of a workflow: a normal job with steps, or a reusable-workflow call (<c>uses:</c>). Immutable.</summary>
public sealed class Job
{
    internal Job(Workflow workflow, YamlEntry entry)
    {
        Workflow = workflow;
        KeyEntry = entry;
        Node = entry.Value as YamlMapping ?? throw new Shipgate.Core.InputFormatException(
            $"job '{entry.Key.Value}' must be a mapping", entry.Value.Start.Line, entry.Value.Start.Column);
        UsesScalar = Node["uses"] as YamlScalar;
        Uses = UsesScalar is { } u ? UsesReference.Parse(u.Value) : null;
        Permissions = Permissions.From(Node);
        var steps = new List<JobStep>();
        if (Node["steps"] is YamlSequence sequence)
        {
            foreach (var (stepNode, stepStart) in StepNodes.Items(sequence))
            {
                {
                    steps.Add(new JobStep(steps.Count, stepNode, stepStart, this, null));
                }
            }
        }

        Steps = steps;
    }

    public Workflow Workflow { get; }

    /// <summary>The job's key (its id) and mapping.</summary>
    public YamlEntry KeyEntry { get; }

    public string Id => KeyEntry.Key.Value;

    public YamlMapping Node { get; }

    public string? Name => Node.ScalarValue("name");

    public bool IsReusableCall => UsesScalar is not null;

    public YamlScalar? UsesScalar { get; }

    public UsesReference? Uses { get; }

    public Permissions Permissions { get; }

    public IReadOnlyList<JobStep> Steps { get; }

    public YamlNode? If => Node["if"];

    public YamlMapping? Env => Node["env"] as YamlMapping;

    public YamlNode? RunsOn => Node["runs-on"];

    public YamlNode? Container => Node["container"];

    public YamlMapping? Services => Node["services"] as YamlMapping;

    public YamlNode? Environment => Node["environment"];

    /// <summary>The environment name (<c>environment: prod</c> or <c>environment: { name: prod }</c>).</summary>
    public string? EnvironmentName => Environment switch
    {
        YamlScalar s when !s.IsNull => s.Value,
        YamlMapping m => m.ScalarValue("name"),
        _ => null,
    };

    public YamlNode? Matrix => (Node["strategy"] as YamlMapping)?["matrix"];

    public YamlNode? Secrets => Node["secrets"];

    public YamlMapping? With => Node["with"] as YamlMapping;

    /// <summary>True when <c>runs-on</c> names a Windows runner.</summary>
    public bool RunsOnWindows => RunsOn is YamlScalar s && s.Value.Contains("windows", StringComparison.OrdinalIgnoreCase);

    /// <summary>True when <c>if:</c> is the literal false.</summary>
    public bool IsDisabled => If is YamlScalar s && (s.AsBoolean == false || s.Value.Trim() is "${{ false }}" or "false");
}
