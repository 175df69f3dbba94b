using Shipgate.Yaml;

namespace Shipgate.Workflows.GitHubActions;

/// <summary>Finds the declaration of an <c>inputs.NAME</c>: an action's <c>inputs:</c>, or a workflow_dispatch/workflow_call input.</summary>
public static class InputDeclarations
{
    public static YamlMapping? Find(GitHubDocument document, string? name)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (name is null || name == "*")
        {
            return null;
        }

        var tables = new List<YamlMapping?>();
        if (document.Action is { } action)
        {
            tables.Add(action.Inputs);
        }

        if (document.Workflow is { } workflow)
        {
            foreach (var trigger in workflow.Triggers)
            {
                if (trigger.Event is "workflow_dispatch" or "workflow_call" && trigger.Config is YamlMapping config)
                {
                    tables.Add(config["inputs"] as YamlMapping);
                }
            }
        }

        foreach (var table in tables)
        {
            if (table is null)
            {
                continue;
            }

            foreach (var entry in table.Entries)
            {
                if (string.Equals(entry.Key.Value, name, StringComparison.OrdinalIgnoreCase))
                {
                    return entry.Value as YamlMapping ?? EmptyMapping;
                }
            }
        }

        return null;
    }

    private static readonly YamlMapping EmptyMapping = (YamlMapping)YamlLoader.Load("{}")!;
}
