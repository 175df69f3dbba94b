using Shipgate.Yaml;

namespace Shipgate.Workflows.GitHubActions;

/// <summary>Step items of a <c>steps:</c> list; a <c>parallel:</c> group contributes each of its steps.</summary>
internal static class StepNodes
{
    public static IEnumerable<(YamlMapping Node, Mark Start)> Items(YamlSequence steps)
    {
        for (var i = 0; i < steps.Items.Count; i++)
        {
            if (steps.Items[i] is YamlMapping { Count: 1 } map && map["parallel"] is YamlSequence group)
            {
                foreach (var inner in Items(group))
                {
                    yield return inner;
                }
            }
            else if (steps.Items[i] is YamlMapping step)
            {
                yield return (step, steps.ItemStarts[i]);
            }
        }
    }
}
