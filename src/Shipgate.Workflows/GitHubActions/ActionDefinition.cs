using Shipgate.Yaml;

namespace Shipgate.Workflows.GitHubActions;

/// <summary>An <c>action.yml</c>: inputs and <c>runs:</c> (composite steps, a Docker image, or a JavaScript entry point). Immutable.</summary>
public sealed class ActionDefinition
{
    internal ActionDefinition(YamlMapping root)
    {
        Root = root;
        Runs = root["runs"] as YamlMapping;
        var steps = new List<JobStep>();
        if (Runs?["steps"] is YamlSequence sequence)
        {
            foreach (var (stepNode, stepStart) in StepNodes.Items(sequence))
            {
                {
                    steps.Add(new JobStep(steps.Count, stepNode, stepStart, null, this));
                }
            }
        }

        Steps = steps;
    }

    public YamlMapping Root { get; }

    public YamlMapping? Runs { get; }

    /// <summary><c>composite</c>, <c>docker</c>, <c>node20</c>, ...</summary>
    public string? Using => Runs?.ScalarValue("using");

    public bool IsComposite => string.Equals(Using, "composite", StringComparison.OrdinalIgnoreCase);

    public YamlMapping? Inputs => Root["inputs"] as YamlMapping;

    public IReadOnlyList<JobStep> Steps { get; }
}
